using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Functions.Tests.Infrastructure;
using Serverless.Gateway.Callers;
using Serverless.Gateway.OAuth;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Functions.Tests;

/// <summary>
/// OAuth through the function routes: behind the Functions front end the public host and scheme come from the
/// forwarded headers, so the challenge, the metadata and the tokens' audience all name the app's public MCP URL.
/// </summary>
public sealed class OAuthFunctionTests
{
    private const string PublicOrigin = "https://" + FunctionsHost.WebsiteHostName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<FunctionsHost> StartAsync(bool oauth = true, string? signIn = null) => FunctionsHost.StartAsync(new Dictionary<string, string?>
    {
        ["OAuth:SignIn"] = signIn,
        ["Sandbox:Enabled"] = signIn is null ? null : "true",
        ["Credentials:Mode"] = "Managed",
        ["Secrets:pilotstatus-tenant-key"] = SandboxCredentials.PilotStatusTenantKey,
        ["Secrets:chilipiper-api-key"] = SandboxCredentials.ChiliPiperAdminToken,
        ["OAuth:Enabled"] = oauth ? "true" : "false",
        ["OAuth:SigningKeyFile"] = Path.Combine(Path.GetTempPath(), "oauth-functions-" + Guid.NewGuid().ToString("N"), "keys.json"),
    });

    private static HttpRequestMessage Forwarded(HttpMethod method, Uri url, string? bearer = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Forwarded-Host", FunctionsHost.WebsiteHostName);
        request.Headers.Add("X-Forwarded-Proto", "https");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }

    private static HttpRequestMessage ToolsList(FunctionsHost host, string path, string? bearer)
    {
        var request = Forwarded(HttpMethod.Post, host.Url(path), bearer);
        request.Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json");
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        return request;
    }

    [Fact]
    public async Task The_oauth_function_serves_the_metadata_for_the_public_mcp_url_and_an_area_function_points_at_it()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();

        using var challenge = await http.SendAsync(ToolsList(host, "/mcp/x/numbers", bearer: null), Ct);
        using var metadata = await http.SendAsync(Forwarded(HttpMethod.Get, host.Url("/.well-known/oauth-protected-resource/mcp")), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        Assert.Equal($"Bearer resource_metadata=\"{PublicOrigin}/.well-known/oauth-protected-resource/mcp\"", challenge.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        using var document = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync(Ct));
        Assert.Equal(PublicOrigin + "/mcp", document.RootElement.GetProperty("resource").GetString());
        Assert.Equal(PublicOrigin, document.RootElement.GetProperty("authorization_servers")[0].GetString());
    }

    [Fact]
    public async Task A_token_for_the_public_mcp_url_is_held_to_its_grant_and_one_for_the_internal_host_is_not_accepted()
    {
        await using var host = await StartAsync();
        var keys = host.Services.GetRequiredService<SigningKeyProvider>();
        var grant = new ClientOptions { Numbers = PilotStatusSeed.NumberId2, ChiliPiper = "read" };
        var tokens = new AccessTokens(keys, TimeProvider.System);
        var good = await tokens.IssueAsync(new ResourceUrls(PublicOrigin), "user", "client", grant, TimeSpan.FromMinutes(5));
        var internalHost = await tokens.IssueAsync(new ResourceUrls(host.BaseAddress.GetLeftPart(UriPartial.Authority)), "user", "client", grant, TimeSpan.FromMinutes(5));
        using var http = new HttpClient();

        using var accepted = await http.SendAsync(ToolsList(host, "/mcp", good), Ct);
        using var refused = await http.SendAsync(ToolsList(host, "/mcp/x/numbers", internalHost), Ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"numbers_get\"", body, StringComparison.Ordinal);
        Assert.Contains("\"user-find\"", body, StringComparison.Ordinal);
        // Tenant-wide tools are outside a one-number grant, Chili Piper writes outside read access.
        Assert.DoesNotContain("\"branding_get\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"meeting-cancel\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_oauth_the_oauth_function_answers_404()
    {
        await using var host = await StartAsync(oauth: false);
        using var http = new HttpClient();

        using var metadata = await http.SendAsync(Forwarded(HttpMethod.Get, host.Url("/.well-known/oauth-protected-resource")), Ct);

        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
    }

    [Fact]
    public async Task The_authorization_server_functions_serve_metadata_for_the_public_host_and_register_clients()
    {
        await using var host = await StartAsync(signIn: "Demo");
        using var http = new HttpClient();

        foreach (var path in new[] { "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" })
        {
            using var metadata = await http.SendAsync(Forwarded(HttpMethod.Get, host.Url(path)), Ct);
            Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
            using var document = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync(Ct));
            Assert.Equal(PublicOrigin, document.RootElement.GetProperty("issuer").GetString());
            Assert.Equal(PublicOrigin + "/oauth/register", document.RootElement.GetProperty("registration_endpoint").GetString());
            Assert.Equal(PublicOrigin + "/oauth/token", document.RootElement.GetProperty("token_endpoint").GetString());
        }

        var register = Forwarded(HttpMethod.Post, host.Url("/oauth/register"));
        register.Content = new StringContent("""{"redirect_uris":["http://127.0.0.1:3333/callback"],"client_name":"Functions client"}""", Encoding.UTF8, "application/json");
        using var registered = await http.SendAsync(register, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var client = JsonDocument.Parse(await registered.Content.ReadAsStringAsync(Ct));
        Assert.StartsWith("mcp_", client.RootElement.GetProperty("client_id").GetString());

        using var signIn = await http.SendAsync(Forwarded(HttpMethod.Get, host.Url("/oauth/signin")), Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("name=\"user\"", await signIn.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Without_a_sign_in_the_authorization_server_functions_answer_404()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();

        using var metadata = await http.SendAsync(Forwarded(HttpMethod.Get, host.Url("/.well-known/oauth-authorization-server")), Ct);
        using var register = await http.SendAsync(Forwarded(HttpMethod.Post, host.Url("/oauth/register")), Ct);

        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, register.StatusCode);
    }
}
