using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Serverless.Functions.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Functions.Tests;

/// <summary>
/// The whole authorization code flow through the function routes, with no ASP.NET Core authentication middleware in
/// the pipeline, as in the Functions worker: register, authorize, demo sign-in, consent to one number, redeem the code,
/// then call the MCP function with the token.
/// </summary>
public sealed partial class OAuthFlowThroughFunctionsTests
{
    // Plain http on the forwarded host: the test client talks http to Kestrel, and would not send back the Secure
    // cookies an https origin gets.
    private const string PublicOrigin = "http://" + FunctionsHost.WebsiteHostName;
    private const string RedirectUri = "http://127.0.0.1:5555/callback";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_signs_in_consents_and_calls_tools_through_the_functions()
    {
        await using var host = await FunctionsHost.StartAsync(new Dictionary<string, string?>
        {
            ["OAuth:Enabled"] = "true",
            ["OAuth:SignIn"] = "Demo",
            ["Sandbox:Enabled"] = "true",
            ["Credentials:Mode"] = "Managed",
            ["Secrets:pilotstatus-tenant-key"] = SandboxCredentials.PilotStatusTenantKey,
            ["Secrets:chilipiper-api-key"] = SandboxCredentials.ChiliPiperAdminToken,
            ["OAuth:SigningKeyFile"] = Path.Combine(Path.GetTempPath(), "oauth-functions-" + Guid.NewGuid().ToString("N"), "keys.json"),
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

        using var registered = await SendAsync(http, host, HttpMethod.Post, "/oauth/register", new StringContent(
            JsonSerializer.Serialize(new { redirect_uris = new[] { RedirectUri }, client_name = "Functions client", token_endpoint_auth_method = "none" }),
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var clientId = JsonDocument.Parse(await registered.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("client_id").GetString()!;

        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/oauth/authorize?" + string.Join("&", new Dictionary<string, string>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = RedirectUri, ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256", ["state"] = "st-f", ["resource"] = PublicOrigin + "/mcp",
        }.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));

        using var toConsent = await SendAsync(http, host, HttpMethod.Get, authorize);
        Assert.Equal(HttpStatusCode.SeeOther, toConsent.StatusCode);
        var consentUrl = toConsent.Headers.Location!.ToString();
        using var toSignIn = await SendAsync(http, host, HttpMethod.Get, consentUrl);
        Assert.Equal(HttpStatusCode.SeeOther, toSignIn.StatusCode);
        var signInFields = Fields(await PageAsync(http, host, toSignIn.Headers.Location!.ToString()));
        signInFields.RemoveAll(f => f.Key == "user");
        signInFields.AddRange([new("user", "Alice"), new("action", "signin")]);
        using var signedIn = await SendAsync(http, host, HttpMethod.Post, "/oauth/signin", new FormUrlEncodedContent(signInFields));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);

        var consentFields = Fields(await PageAsync(http, host, consentUrl))
            .Where(f => f.Key is not ("pilotstatus" or "chilipiper" or "number" or "toolset" or "readonly" or "decision")).ToList();
        consentFields.AddRange([new("pilotstatus", "numbers"), new("number", PilotStatusSeed.NumberId2), new("chilipiper", "read"), new("decision", "approve")]);
        using var approval = await SendAsync(http, host, HttpMethod.Post, "/oauth/consent", new FormUrlEncodedContent(consentFields));
        Assert.Equal(HttpStatusCode.Found, approval.StatusCode);
        var code = QueryHelpers.ParseQuery(approval.Headers.Location!.Query)["code"].ToString();

        using var token = await SendAsync(http, host, HttpMethod.Post, "/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["code"] = code, ["code_verifier"] = verifier,
            ["redirect_uri"] = RedirectUri, ["resource"] = PublicOrigin + "/mcp",
        }));
        var tokenBody = await token.Content.ReadAsStringAsync(Ct);
        Assert.True(token.StatusCode == HttpStatusCode.OK, tokenBody);
        var accessToken = JsonDocument.Parse(tokenBody).RootElement.GetProperty("access_token").GetString()!;

        using var list = new HttpRequestMessage(HttpMethod.Post, host.Url("/mcp"))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json"),
        };
        Forward(list);
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        list.Headers.Accept.ParseAdd("application/json");
        list.Headers.Accept.ParseAdd("text/event-stream");
        list.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        using var listed = await http.SendAsync(list, Ct);
        var text = await listed.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        // Read-only Chili Piper and one number: reads are listed, Chili Piper writes and tenant-wide tools are not.
        Assert.Contains("\"meeting-get\"", text);
        Assert.Contains("\"message_get\"", text);
        Assert.DoesNotContain("\"meeting-cancel\"", text);
        Assert.DoesNotContain("\"api_keys_list\"", text);
    }

    private static void Forward(HttpRequestMessage request)
    {
        request.Headers.Add("X-Forwarded-Host", FunctionsHost.WebsiteHostName);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, FunctionsHost host, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, host.Url(path)) { Content = content };
        Forward(request);
        return await http.SendAsync(request, Ct);
    }

    private static async Task<string> PageAsync(HttpClient http, FunctionsHost host, string path)
    {
        using var response = await SendAsync(http, host, HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static List<KeyValuePair<string, string>> Fields(string html) =>
        [.. InputPattern().Matches(html)
            .Where(m => m.Groups["type"].Value is "hidden" or "text")
            .Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))];

    [GeneratedRegex("<input type=\"(?<type>[a-z]+)\"(?: id=\"[^\"]*\")? name=\"(?<name>[^\"]*)\"(?: value=\"(?<value>[^\"]*)\")?")]
    private static partial Regex InputPattern();
}
