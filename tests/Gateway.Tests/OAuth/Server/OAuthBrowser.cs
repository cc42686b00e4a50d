using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Gateway.Tests.Managed;

namespace Serverless.Gateway.Tests.OAuth.Server;

/// <summary>
/// Walks the authorization server's pages as a browser without script would: cookies kept, redirects looked at one by
/// one, forms read from the HTML and posted back with every field they carry.
/// </summary>
public sealed partial class OAuthBrowser : IDisposable
{
    public const string RedirectUri = "http://127.0.0.1:5555/callback";

    private readonly HttpClient _http;

    public OAuthBrowser(GatewayHost host)
    {
        Host = host;
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = host.BaseAddress };
    }

    public GatewayHost Host { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public string Origin => Host.BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>A DCR registration; the new client id.</summary>
    public async Task<string> RegisterAsync(string redirectUri = RedirectUri, string name = "Test client")
    {
        using var response = await _http.PostAsync("/oauth/register", new StringContent(
            JsonSerializer.Serialize(new { redirect_uris = new[] { redirectUri }, client_name = name, token_endpoint_auth_method = "none" }), Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.GetProperty("client_id").GetString()!;
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public string AuthorizeUrl(string clientId, string challenge, string redirectUri = RedirectUri, string method = "S256", string? resource = null) =>
        "/oauth/authorize?" + string.Join("&", new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = method,
            ["state"] = "st-1",
            ["resource"] = resource ?? Origin + "/mcp",
        }.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>Authorize, sign in as <paramref name="user"/> and reach the consent form; the form's fields.</summary>
    public async Task<List<KeyValuePair<string, string>>> ConsentFormAsync(string authorizeUrl, string user = "Alice")
    {
        using var authorize = await _http.GetAsync(authorizeUrl, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, authorize.StatusCode);
        var consentUrl = authorize.Headers.Location!.ToString();
        Assert.StartsWith("/oauth/consent?", consentUrl);

        using var consent = await _http.GetAsync(consentUrl, Ct);
        if (consent.StatusCode == HttpStatusCode.SeeOther)
        {
            var signInUrl = consent.Headers.Location!.ToString();
            Assert.StartsWith("/oauth/signin?", signInUrl);
            var signInPage = await GetPageAsync(signInUrl);
            var fields = Fields(signInPage);
            fields.RemoveAll(f => f.Key == "user");
            fields.Add(new("user", user));
            fields.Add(new("action", "signin"));
            using var signedIn = await _http.PostAsync("/oauth/signin", new FormUrlEncodedContent(fields), Ct);
            Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
            Assert.Equal(consentUrl, signedIn.Headers.Location!.ToString());
        }

        var page = await GetPageAsync(consentUrl);
        Assert.Contains("id=\"client\"", page);
        return Fields(page);
    }

    /// <summary>Posts the consent form with the given choices; the raw answer.</summary>
    public Task<HttpResponseMessage> PostConsentAsync(List<KeyValuePair<string, string>> form, params (string Name, string Value)[] choices)
    {
        var fields = form.Where(f => f.Key is not ("pilotstatus" or "chilipiper" or "number" or "toolset" or "readonly" or "decision")).ToList();
        fields.AddRange(choices.Select(c => new KeyValuePair<string, string>(c.Name, c.Value)));
        return _http.PostAsync("/oauth/consent", new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>The code from an approval's redirect to the client.</summary>
    public static string CodeFrom(HttpResponseMessage approval)
    {
        Assert.Equal(HttpStatusCode.Found, approval.StatusCode);
        var location = approval.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("st-1", query["state"].ToString());
        return query["code"].ToString();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(params (string Name, string Value)[] form)
    {
        using var response = await _http.PostAsync("/oauth/token", new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(string clientId, string code, string verifier, string redirectUri = RedirectUri) =>
        TokenAsync(("grant_type", "authorization_code"), ("client_id", clientId), ("code", code), ("code_verifier", verifier),
            ("redirect_uri", redirectUri), ("resource", Origin + "/mcp"));

    /// <summary>Register, authorize, sign in and consent to one number and read-only Chili Piper, redeem: the token answer.</summary>
    public async Task<(string ClientId, JsonElement Tokens)> ConnectAsync(params (string Name, string Value)[] choices)
    {
        var clientId = await RegisterAsync();
        var (verifier, challenge) = Pkce();
        var form = await ConsentFormAsync(AuthorizeUrl(clientId, challenge));
        using var approval = await PostConsentAsync(form, choices.Length > 0 ? choices :
            [("pilotstatus", "numbers"), ("number", SandboxSeedIds.Number2), ("chilipiper", "read"), ("decision", "approve")]);
        var (status, tokens) = await RedeemAsync(clientId, CodeFrom(approval), verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        return (clientId, tokens);
    }

    public async Task<string> GetPageAsync(string url)
    {
        using var response = await _http.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The named inputs of a page's (first) form: hidden ones and text inputs with their values.</summary>
    public static List<KeyValuePair<string, string>> Fields(string html) =>
        [.. InputPattern().Matches(html)
            .Where(m => m.Groups["type"].Value is "hidden" or "text")
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input type=\"(?<type>[a-z]+)\"(?: id=\"[^\"]*\")? name=\"(?<name>[^\"]*)\"(?: value=\"(?<value>[^\"]*)\")?")]
    private static partial Regex InputPattern();
}
