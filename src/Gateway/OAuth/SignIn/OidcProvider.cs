using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Serverless.Gateway.Secrets;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.OAuth.SignIn;

/// <summary>The provider could not be used (unreachable, misconfigured, refused the code); the message is safe to show.</summary>
public sealed class OidcProviderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Which authorities the gateway accepts: https, or plain http on a loopback host for local runs.</summary>
public static class OidcAuthority
{
    public static bool IsValid(string? authority) =>
        Uri.TryCreate(authority?.Trim(), UriKind.Absolute, out var uri) && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    public static string MetadataAddress(string authority) => authority.Trim().TrimEnd('/') + "/.well-known/openid-configuration";
}

/// <summary>
/// The configured OpenID Connect provider: its discovery document and signing keys (cached and refreshed by
/// <see cref="ConfigurationManager{T}"/>), the code exchange at its token endpoint, and the id_token checks.
/// </summary>
public sealed class OidcProvider : IDisposable
{
    public const string Scope = "openid profile email";

    // An id_token answer is a few kilobytes; anything far larger is not one.
    internal const int MaxResponseBytes = 256 * 1024;

    private readonly HttpClient _http;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly IOptionsMonitor<OAuthOptions> _oauth;
    private readonly ISecretSource _secrets;
    private readonly KnownSecrets _known;
    private readonly TimeProvider _time;

    public OidcProvider(IOptionsMonitor<OAuthOptions> oauth, ISecretSource secrets, KnownSecrets known, TimeProvider time)
    {
        _oauth = oauth;
        _secrets = secrets;
        _known = known;
        _time = time;
        var authority = oauth.CurrentValue.Oidc.Authority ?? throw new InvalidOperationException("OAuth:Oidc:Authority is not set.");
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
            MaxResponseContentBufferSize = MaxResponseBytes,
        };
        var https = !Uri.TryCreate(authority.Trim(), UriKind.Absolute, out var uri) || !uri.IsLoopback;
        _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(OidcAuthority.MetadataAddress(authority),
            new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(_http) { RequireHttps = https });
    }

    private OidcOptions Options => _oauth.CurrentValue.Oidc;

    /// <summary>The provider's discovery document.</summary>
    public async Task<OpenIdConnectConfiguration> ConfigurationAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _configuration.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new OidcProviderException("The gateway cannot read its identity provider's configuration; ask its operator to check OAuth__Oidc__Authority.", e);
        }
    }

    /// <summary>The provider's authorization URL for this sign-in (code flow, S256 PKCE, state and nonce).</summary>
    public async Task<string> AuthorizationUrlAsync(string redirectUri, string state, string nonce, string codeChallenge, CancellationToken cancellationToken)
    {
        var endpoint = (await ConfigurationAsync(cancellationToken).ConfigureAwait(false)).AuthorizationEndpoint;
        if (string.IsNullOrEmpty(endpoint))
        {
            throw new OidcProviderException("The identity provider's configuration names no authorization endpoint.");
        }

        var query = string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = Options.ClientId!.Trim(),
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = Scope,
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
        }.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
        return endpoint + (endpoint.Contains('?') ? "&" : "?") + query;
    }

    /// <summary>Redeems the code at the provider's token endpoint; its id_token, not yet checked.</summary>
    public async Task<string> RedeemAsync(string code, string redirectUri, string codeVerifier, CancellationToken cancellationToken)
    {
        var configuration = await ConfigurationAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(configuration.TokenEndpoint))
        {
            throw new OidcProviderException("The identity provider's configuration names no token endpoint.");
        }

        string? secret;
        try
        {
            secret = await _secrets.GetAsync(OidcOptions.ClientSecretName, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretSourceException e)
        {
            throw new OidcProviderException("The gateway cannot read its identity provider client secret; ask its operator to fix the secret store's access.", e);
        }

        _known.Remember(secret);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = Options.ClientId!.Trim(),
            ["code_verifier"] = codeVerifier,
        };
        if (!string.IsNullOrEmpty(secret))
        {
            form["client_secret"] = secret;
        }

        string body;
        HttpStatusCode status;
        try
        {
            using var response = await _http.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(form), cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new OidcProviderException("The identity provider's token endpoint did not answer.", e);
        }

        string? error = null;
        string? idToken = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = document.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                idToken = document.RootElement.TryGetProperty("id_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            }
        }
        catch (JsonException)
        {
        }

        if ((int)status is < 200 or > 299 || idToken is null)
        {
            // Only the provider's error code is shown: its description may echo what was sent.
            throw new OidcProviderException($"The identity provider refused the sign-in code (HTTP {(int)status}{(IsErrorCode(error) ? ", " + error : "")}).");
        }

        return idToken;
    }

    /// <summary>The id_token's claims when its issuer, audience, signature, lifetime and nonce hold; else why not.</summary>
    public async Task<(JsonWebToken? Token, string? Refusal)> ValidateAsync(string idToken, string nonce, CancellationToken cancellationToken)
    {
        var configuration = await ConfigurationAsync(cancellationToken).ConfigureAwait(false);
        var result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration)).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since the document was cached: ask for a fresh read and try once more
            // (the manager may refresh in the background, in which case a later sign-in sees the new keys).
            _configuration.RequestRefresh();
            configuration = await ConfigurationAsync(cancellationToken).ConfigureAwait(false);
            result = await _handler.ValidateTokenAsync(idToken, Parameters(configuration)).ConfigureAwait(false);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return (null, result.Exception?.GetType().Name ?? "invalid id_token");
        }

        var claimed = token.TryGetClaim(JwtRegisteredClaimNames.Nonce, out var claim) ? claim.Value : "";
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(claimed), System.Text.Encoding.UTF8.GetBytes(nonce))
            ? (token, null)
            : (null, "nonce mismatch");
    }

    internal static bool IsErrorCode(string? value) => value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterLower(c) || c == '_');

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = configuration.Issuer,
        ValidAudience = Options.ClientId!.Trim(),
        IssuerSigningKeys = configuration.SigningKeys,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = TimeSpan.FromMinutes(2),
        LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return expires is { } e && now < e + parameters.ClockSkew && (notBefore is not { } nb || nb - parameters.ClockSkew <= now);
        },
    };

    public void Dispose() => _http.Dispose();
}
