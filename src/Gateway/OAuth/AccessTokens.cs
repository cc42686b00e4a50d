using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Grants;

namespace Serverless.Gateway.OAuth;

/// <summary>
/// JWT access tokens (RFC 9068, typ at+jwt) signed with the gateway's keys, accepted only for this resource:
/// issuer, audience (the MCP URL), signature and lifetime must all hold, and the grant claims must parse.
/// </summary>
public sealed class AccessTokens(SigningKeyProvider keys, TimeProvider time)
{
    public const string CallerIssuer = "oauth";
    public const string TokenType = "at+jwt";
    public const string ClientIdClaim = "client_id";

    /// <summary>The authorization server's id of the token and of its connection (OpenIddict's private claims), checked for revocation.</summary>
    public const string TokenIdClaim = "oi_tkn_id";
    public const string AuthorizationIdClaim = "oi_au_id";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public Task<string> IssueAsync(ResourceUrls urls, string subject, string clientId, ClientOptions grant, TimeSpan lifetime) =>
        IssueAsync(urls.Issuer, urls.Resource, subject, clientId, grant, lifetime);

    /// <summary>A token for any audience; this gateway accepts only those for its own resource.</summary>
    public async Task<string> IssueAsync(string issuer, string audience, string subject, string clientId, ClientOptions grant, TimeSpan lifetime,
        string? tokenId = null, string? authorizationId = null)
    {
        var signing = (await keys.GetAsync().ConfigureAwait(false)).Current;
        var now = time.GetUtcNow().UtcDateTime;
        var claims = GrantClaims.ToClaims(grant);
        claims[JwtRegisteredClaimNames.Sub] = subject;
        claims[ClientIdClaim] = clientId;
        claims[JwtRegisteredClaimNames.Jti] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        if (tokenId is not null)
        {
            claims[TokenIdClaim] = tokenId;
        }

        if (authorizationId is not null)
        {
            claims[AuthorizationIdClaim] = authorizationId;
        }
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            TokenType = TokenType,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The caller a token stands for, or null when it is not a valid access token for this resource.</summary>
    /// <exception cref="SigningKeysUnavailableException">The keys to check it with cannot be read.</exception>
    public async Task<CallerIdentity?> ValidateAsync(string token, ResourceUrls urls) => (await ReadAsync(token, urls).ConfigureAwait(false))?.Caller;

    /// <summary>The caller a token stands for with the ids that say whether it was revoked, or null when it is not valid for this resource.</summary>
    /// <exception cref="SigningKeysUnavailableException">The keys to check it with cannot be read.</exception>
    public async Task<ValidatedToken?> ReadAsync(string token, ResourceUrls urls)
    {
        var verifying = (await keys.GetAsync().ConfigureAwait(false)).All;
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = urls.Issuer,
            ValidAudience = urls.Resource,
            IssuerSigningKeys = verifying,
            ValidTypes = [TokenType],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return expires is { } e && now < e + parameters.ClockSkew && (notBefore is not { } nb || nb - parameters.ClockSkew <= now);
            },
        }).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        string? Claim(string type) => jwt.TryGetClaim(type, out var claim) ? claim.Value : null;
        if (Claim(JwtRegisteredClaimNames.Sub) is not { Length: > 0 } subject || Claim(ClientIdClaim) is not { Length: > 0 } clientId)
        {
            return null;
        }

        var id = $"{clientId}/{subject}";
        return GrantClaims.FromClaims(id, Claim) is { } grant
            ? new ValidatedToken(new CallerIdentity(id, grant, CallerIssuer), Claim(TokenIdClaim), Claim(AuthorizationIdClaim))
            : null;
    }
}

/// <summary>A token that passed every check of its own, with the ids the authorization server can say are revoked.</summary>
public sealed record ValidatedToken(CallerIdentity Caller, string? TokenId, string? AuthorizationId);
