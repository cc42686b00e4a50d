using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Serverless.Gateway.OAuth.Server;

namespace Serverless.Gateway.OAuth.SignIn;

/// <summary>
/// Sign-in through the OpenID Connect provider, as plain handler code (the function app runs no authentication
/// middleware). /oauth/signin sends the browser to the provider with state, nonce and an S256 PKCE challenge, whose
/// secrets wait in a short-lived MACed cookie scoped to /oauth; /oauth/signin/callback redeems the code, checks the
/// id_token and the allow-list, then sets the same sign-in cookie as every other sign-in and returns to the
/// pending authorization request.
/// </summary>
public sealed class OidcSignIn(
    OidcProvider provider,
    PageProtection protection,
    IssuerNames names,
    IOptionsMonitor<OAuthOptions> oauth,
    ILogger<OidcSignIn> logger)
{
    public const string FlowCookie = "mcpgw_oauth_oidc";
    private const string FlowPurpose = "oidc-flow";
    private static readonly TimeSpan FlowLifetime = TimeSpan.FromMinutes(10);

    public async Task StartAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET";
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var flow = new Flow(Random(), Random(), Random(), SignInPage.LocalReturn(context.Request.Query["returnUrl"].ToString()));
        string location;
        try
        {
            location = await provider.AuthorizationUrlAsync(RedirectUri(context), flow.State, flow.Nonce,
                Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(flow.Verifier))), context.RequestAborted);
        }
        catch (OidcProviderException e)
        {
            await FailAsync(context, StatusCodes.Status503ServiceUnavailable, e);
            return;
        }

        if (!await protection.SetSealedCookieAsync(context, FlowCookie, FlowPurpose, JsonSerializer.Serialize(flow, SignInJson.Default.Flow), FlowLifetime))
        {
            await PageAsync(context, StatusCodes.Status400BadRequest, "The authorization request is too long to sign in with; start again from your application.");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
        context.Response.Headers.CacheControl = "no-store";
    }

    public async Task CallbackAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET";
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var query = context.Request.Query;
        var sealedFlow = await protection.SealedCookieAsync(context, FlowCookie, FlowPurpose);
        // One use only: whatever happens next, this sign-in attempt is spent.
        protection.DeleteCookie(context, FlowCookie);
        var flow = sealedFlow is null ? null : JsonSerializer.Deserialize(sealedFlow, SignInJson.Default.Flow);
        if (flow is null || !Same(query["state"].ToString(), flow.State))
        {
            await PageAsync(context, StatusCodes.Status400BadRequest, "This sign-in expired or did not start on this browser; start again from your application.");
            return;
        }

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            var code = OidcProvider.IsErrorCode(error) ? error : "error";
            logger.LogInformation("OIDC sign-in ended by the provider: {Error}", code);
            await PageAsync(context, StatusCodes.Status403Forbidden, $"The identity provider did not sign you in ({code}). Start again from your application.");
            return;
        }

        if (query["code"].ToString() is not { Length: > 0 and <= 4096 } authorizationCode)
        {
            await PageAsync(context, StatusCodes.Status400BadRequest, "The identity provider sent no sign-in code; start again from your application.");
            return;
        }

        JsonWebToken? token;
        string? refusal;
        try
        {
            var idToken = await provider.RedeemAsync(authorizationCode, RedirectUri(context), flow.Verifier, context.RequestAborted);
            (token, refusal) = await provider.ValidateAsync(idToken, flow.Nonce, context.RequestAborted);
        }
        catch (OidcProviderException e)
        {
            await FailAsync(context, StatusCodes.Status502BadGateway, e);
            return;
        }

        if (token is null)
        {
            logger.LogWarning("OIDC sign-in refused: the id_token failed its checks ({Reason})", refusal);
            await PageAsync(context, StatusCodes.Status403Forbidden, "The identity provider's answer could not be verified, so you are not signed in. Start again from your application.");
            return;
        }

        string? Claim(string type) => token.TryGetClaim(type, out var claim) && claim.Value.Length > 0 ? claim.Value : null;
        var subject = Claim("oid") ?? Claim(JwtRegisteredClaimNames.Sub);
        var name = Claim("name") ?? Claim("preferred_username") ?? Claim(JwtRegisteredClaimNames.Email) ?? subject;
        if (subject is null || !OidcAllowList.Allows(oauth.CurrentValue.Oidc, token))
        {
            logger.LogInformation("OIDC sign-in refused: {Subject} is not on the allow-list", subject);
            await PageAsync(context, StatusCodes.Status403Forbidden,
                $"You signed in as {name}, but this account may not approve access to this gateway. Ask the gateway's operator to allow it.");
            return;
        }

        await protection.SignInAsync(context, new PageUser("oidc:" + subject, Truncate(name!)), SignInPage.SessionLifetime);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = SignInPage.LocalReturn(flow.ReturnUrl);
    }

    private string RedirectUri(HttpContext context) => names.For(context.Request).Issuer + OAuthRoutes.SignInCallback;

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static string Truncate(string value) => value.Length <= SignInPage.MaxNameLength ? value : value[..SignInPage.MaxNameLength];

    private async Task FailAsync(HttpContext context, int status, OidcProviderException e)
    {
        logger.LogWarning(e, "OIDC sign-in failed: {Reason}", e.Message);
        await PageAsync(context, status, e.Message);
    }

    private static Task PageAsync(HttpContext context, int status, string message) =>
        Html.WriteAsync(context, status, "Sign-in refused", $"<h1>Not signed in</h1><p class=\"error\" role=\"alert\">{Html.E(message)}</p>");

    internal sealed record Flow(string State, string Nonce, string Verifier, string ReturnUrl);
}

/// <summary>Who may sign in: a user named in OAuth__Oidc__AllowedUsers or a member of a group in OAuth__Oidc__AllowedGroups.</summary>
public static class OidcAllowList
{
    public static bool Allows(OidcOptions options, JsonWebToken token)
    {
        string? Claim(string type) => token.TryGetClaim(type, out var claim) && claim.Value.Length > 0 ? claim.Value : null;

        // Ids are compared exactly; emails and user names without regard to case, as providers treat them.
        var ids = new[] { Claim("oid"), Claim(JwtRegisteredClaimNames.Sub) }.OfType<string>().ToArray();
        var logins = new[] { Claim(JwtRegisteredClaimNames.Email), Claim("preferred_username") }.OfType<string>().ToArray();
        foreach (var allowed in options.Users)
        {
            if (ids.Contains(allowed, StringComparer.Ordinal) || logins.Contains(allowed, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        var groups = options.Groups;
        return groups.Count > 0 && token.Claims.Any(c => c.Type == "groups" && groups.Contains(c.Value, StringComparer.OrdinalIgnoreCase));
    }
}
