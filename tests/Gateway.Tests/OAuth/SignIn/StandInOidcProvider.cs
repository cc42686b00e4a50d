using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Serverless.Gateway.Tests.OAuth.SignIn;

/// <summary>
/// An OpenID Connect provider in the test process: discovery document, JWKS, an authorize endpoint that signs the
/// configured user in at once and redirects back with a code, and a token endpoint that checks the code, its PKCE
/// verifier, redirect URI and client secret before issuing an RS256 id_token. Knobs spoil the id_token on purpose.
/// </summary>
public sealed class StandInOidcProvider : IAsyncDisposable
{
    public const string ClientId = "gateway-client-id";
    public const string ClientSecret = "oidc-client-secret-value-7f3a9c";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "stand-in-1" };
    private readonly ConcurrentDictionary<string, Pending> _codes = new();

    private StandInOidcProvider(WebApplication app) => _app = app;

    public string Authority { get; private set; } = "";

    /// <summary>The claims of the user the authorize endpoint signs in.</summary>
    public Dictionary<string, object> User { get; set; } = new()
    {
        ["sub"] = "sub-alice",
        ["oid"] = "00000000-0000-0000-0000-00000000a11c",
        ["email"] = "Alice@Example.com",
        ["name"] = "Alice Example",
    };

    public string? IssuerOverride { get; set; }

    public string? AudienceOverride { get; set; }

    public string? NonceOverride { get; set; }

    /// <summary>Sign with a key the JWKS does not publish.</summary>
    public bool SignWithUnknownKey { get; set; }

    /// <summary>Every query the authorize endpoint received.</summary>
    public ConcurrentQueue<IQueryCollection> AuthorizeRequests { get; } = new();

    /// <summary>Every form the token endpoint received.</summary>
    public ConcurrentQueue<IFormCollection> TokenRequests { get; } = new();

    public static async Task<StandInOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new StandInOidcProvider(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider.Authority,
            ["authorization_endpoint"] = provider.Authority + "/authorize",
            ["token_endpoint"] = provider.Authority + "/token",
            ["jwks_uri"] = provider.Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(provider._key.Rsa.ExportParameters(false)) { KeyId = provider._key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpContext context) => provider.Authorize(context));
        app.MapPost("/token", (Delegate)((HttpContext context) => provider.TokenAsync(context)));
        await app.StartAsync();
        provider.Authority = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return provider;
    }

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        AuthorizeRequests.Enqueue(query);
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
        {
            return Results.BadRequest("bad authorization request");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Pending(query["redirect_uri"].ToString(), query["code_challenge"].ToString(), query["nonce"].ToString(), new Dictionary<string, object>(User));
        return Results.Redirect(query["redirect_uri"] + "?code=" + code + "&state=" + Uri.EscapeDataString(query["state"].ToString()));
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        TokenRequests.Enqueue(form);
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != pending.Challenge || form["redirect_uri"] != pending.RedirectUri || form["client_id"] != ClientId)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }

        if (form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        var claims = new Dictionary<string, object>(pending.User) { ["nonce"] = NonceOverride ?? pending.Nonce };
        var signing = SignWithUnknownKey ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = "unknown" } : _key;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerOverride ?? Authority,
            Audience = AudienceOverride ?? ClientId,
            Claims = claims,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = "provider-access-token", token_type = "Bearer", id_token = idToken });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }

    private sealed record Pending(string RedirectUri, string Challenge, string Nonce, Dictionary<string, object> User);
}
