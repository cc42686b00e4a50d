using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Serverless.Gateway.OAuth.SignIn;

/// <summary>A signed-in user of the OAuth pages.</summary>
public sealed record PageUser(string Subject, string Name);

/// <summary>
/// The pages' cookies and anti-forgery tokens, MACed with a key derived from the token signing key, so every instance
/// of a deployment accepts what another issued without a key store of its own. The sign-in cookie is scoped to
/// /oauth, HttpOnly, SameSite=Lax, and Secure on https.
/// </summary>
public sealed class PageProtection(SigningKeyProvider keys, TimeProvider time)
{
    public const string SessionCookie = "mcpgw_oauth_session";
    public const string AntiforgeryCookie = "mcpgw_oauth_af";
    public const string AntiforgeryField = "__af";

    // What a browser keeps of one cookie, name and attributes included.
    private const int MaxSealedLength = 3800;

    private static readonly byte[] Info = Encoding.ASCII.GetBytes("serverless-mcp-gateway oauth pages");

    public async Task<PageUser?> UserAsync(HttpContext context) =>
        context.Request.Cookies[SessionCookie] is { } cookie && await OpenAsync("session", cookie) is { } json
            ? JsonSerializer.Deserialize(json, SignInJson.Default.PageUser)
            : null;

    public async Task SignInAsync(HttpContext context, PageUser user, TimeSpan lifetime)
    {
        var value = await SealAsync("session", JsonSerializer.Serialize(user, SignInJson.Default.PageUser), lifetime);
        context.Response.Cookies.Append(SessionCookie, value, CookieOptions(context, lifetime, SameSiteMode.Lax));
    }

    public void SignOut(HttpContext context) => context.Response.Cookies.Delete(SessionCookie, CookieOptions(context, TimeSpan.Zero, SameSiteMode.Lax));

    /// <summary>The hidden field value for a form: it must come back with the browser's own anti-forgery cookie (double submit, MACed).</summary>
    public async Task<string> AntiforgeryTokenAsync(HttpContext context)
    {
        var nonce = context.Request.Cookies[AntiforgeryCookie];
        if (nonce is not { Length: 32 } || !nonce.All(char.IsAsciiHexDigitLower))
        {
            nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(AntiforgeryCookie, nonce, CookieOptions(context, TimeSpan.FromHours(8), SameSiteMode.Strict));
        }

        return await SealAsync("antiforgery", nonce, TimeSpan.FromHours(8));
    }

    public async Task<bool> ValidAntiforgeryAsync(HttpContext context, string? field) =>
        field is not null && context.Request.Cookies[AntiforgeryCookie] is { Length: 32 } nonce
        && await OpenAsync("antiforgery", field) is { } sealedNonce
        && Same(sealedNonce, nonce);

    /// <summary>A short-lived cookie scoped to /oauth holding <paramref name="payload"/>, MACed for <paramref name="purpose"/>; false when it would not fit a browser's cookie.</summary>
    public async Task<bool> SetSealedCookieAsync(HttpContext context, string name, string purpose, string payload, TimeSpan lifetime)
    {
        var value = await SealAsync(purpose, payload, lifetime);
        if (value.Length > MaxSealedLength)
        {
            return false;
        }

        context.Response.Cookies.Append(name, value, CookieOptions(context, lifetime, SameSiteMode.Lax));
        return true;
    }

    /// <summary>The payload of a cookie set by <see cref="SetSealedCookieAsync"/>, or null when absent, altered or expired.</summary>
    public async Task<string?> SealedCookieAsync(HttpContext context, string name, string purpose) =>
        context.Request.Cookies[name] is { } value ? await OpenAsync(purpose, value) : null;

    public void DeleteCookie(HttpContext context, string name) => context.Response.Cookies.Delete(name, CookieOptions(context, TimeSpan.Zero, SameSiteMode.Lax));

    private static bool Same(string a, string b) => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private async Task<string> SealAsync(string purpose, string payload, TimeSpan lifetime)
    {
        var body = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(new Sealed(payload, time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds()), SignInJson.Default.Sealed));
        return body + "." + Base64UrlEncoder.Encode(await MacAsync(purpose, body));
    }

    private async Task<string?> OpenAsync(string purpose, string value)
    {
        var dot = value.IndexOf('.');
        if (dot <= 0 || value.Length > 4096)
        {
            return null;
        }

        var body = value[..dot];
        byte[] mac;
        try
        {
            mac = Base64UrlEncoder.DecodeBytes(value[(dot + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }

        var expected = await MacAsync(purpose, body);
        if (!CryptographicOperations.FixedTimeEquals(mac, expected))
        {
            return null;
        }

        var content = JsonSerializer.Deserialize(Base64UrlEncoder.DecodeBytes(body), SignInJson.Default.Sealed);
        return content is not null && content.Expires > time.GetUtcNow().ToUnixTimeSeconds() ? content.Payload : null;
    }

    private async Task<byte[]> MacAsync(string purpose, string body)
    {
        var signing = (await keys.GetAsync()).Current as RsaSecurityKey ?? throw new InvalidOperationException("The signing key is not an RSA key.");
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, signing.Rsa.ExportPkcs8PrivateKey(), 32, salt: [], info: Info);
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + "|" + body));
    }

    private static CookieOptions CookieOptions(HttpContext context, TimeSpan lifetime, SameSiteMode sameSite) => new()
    {
        Path = "/oauth",
        HttpOnly = true,
        SameSite = sameSite,
        Secure = context.Request.IsHttps || string.Equals(context.Request.Headers["X-Forwarded-Proto"].ToString(), "https", StringComparison.OrdinalIgnoreCase),
        MaxAge = lifetime,
        IsEssential = true,
    };

    internal sealed record Sealed(string Payload, long Expires);
}
