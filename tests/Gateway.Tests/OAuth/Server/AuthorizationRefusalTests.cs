using System.Net;
using System.Text.Json;
using Serverless.Gateway.Tests.Managed;

namespace Serverless.Gateway.Tests.OAuth.Server;

/// <summary>
/// What the authorization server refuses, each with its documented error and without any upstream call: a wrong PKCE
/// verifier, plain PKCE, a redirect URI that was not registered, a code used twice, a token for another resource, a
/// consent naming a number the tenant does not have, a refresh token revoked at the revocation endpoint, and tokens of a
/// revoked connection.
/// </summary>
public sealed class AuthorizationRefusalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly (string, string)[] OneNumber =
        [("pilotstatus", "numbers"), ("number", SandboxSeedIds.Number2), ("chilipiper", "read"), ("decision", "approve")];

    [Fact]
    public async Task A_code_redeemed_with_the_wrong_verifier_fails_with_invalid_grant()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await OAuthServerHost.StartAsync(recorder);
        using var browser = new OAuthBrowser(host);
        var clientId = await browser.RegisterAsync();
        var (_, challenge) = OAuthBrowser.Pkce();
        using var approval = await browser.PostConsentAsync(await browser.ConsentFormAsync(browser.AuthorizeUrl(clientId, challenge)), OneNumber);
        var code = OAuthBrowser.CodeFrom(approval);
        recorder.Clear();

        var (status, error) = await browser.RedeemAsync(clientId, code, OAuthBrowser.Pkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());

        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_refresh_token_revoked_at_the_revocation_endpoint_fails_with_invalid_grant()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await OAuthServerHost.StartAsync(recorder);
        using var browser = new OAuthBrowser(host);
        var (clientId, tokens) = await browser.ConnectAsync();
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        recorder.Clear();

        using var revoked = await browser.Http.PostAsync("/oauth/revoke", new FormUrlEncodedContent(
            [new("token", refresh), new("token_type_hint", "refresh_token"), new("client_id", clientId)]), Ct);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var (status, error) = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", refresh));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_code_works_once_a_second_redemption_fails_with_invalid_grant()
    {
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);
        var clientId = await browser.RegisterAsync();
        var (verifier, challenge) = OAuthBrowser.Pkce();
        using var approval = await browser.PostConsentAsync(await browser.ConsentFormAsync(browser.AuthorizeUrl(clientId, challenge)), OneNumber);
        var code = OAuthBrowser.CodeFrom(approval);

        var (first, tokens) = await browser.RedeemAsync(clientId, code, verifier);
        var (second, error) = await browser.RedeemAsync(clientId, code, verifier);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        // A replayed code revokes what it issued: the first redemption's token no longer works either.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Mcp())
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Plain_PKCE_and_an_unregistered_redirect_uri_are_refused_before_any_sign_in()
    {
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);
        var clientId = await browser.RegisterAsync();
        var (verifier, _) = OAuthBrowser.Pkce();

        using var plain = await browser.Http.GetAsync(browser.AuthorizeUrl(clientId, verifier, method: "plain"), Ct);
        Assert.NotEqual(HttpStatusCode.SeeOther, plain.StatusCode);
        Assert.DoesNotContain("/oauth/consent", plain.Headers.Location?.ToString() ?? "");
        Assert.Contains("invalid_request", plain.Headers.Location?.ToString() + await plain.Content.ReadAsStringAsync(Ct));

        using var elsewhere = await browser.Http.GetAsync(browser.AuthorizeUrl(clientId, OAuthBrowser.Pkce().Challenge, redirectUri: "https://attacker.example/callback"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Null(elsewhere.Headers.Location);
        Assert.Contains("redirect_uri", await elsewhere.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_loopback_redirect_may_use_another_port_but_not_another_path()
    {
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);
        var clientId = await browser.RegisterAsync();

        using var otherPort = await browser.Http.GetAsync(browser.AuthorizeUrl(clientId, OAuthBrowser.Pkce().Challenge, redirectUri: "http://127.0.0.1:61234/callback"), Ct);
        using var otherPath = await browser.Http.GetAsync(browser.AuthorizeUrl(clientId, OAuthBrowser.Pkce().Challenge, redirectUri: "http://127.0.0.1:5555/elsewhere"), Ct);

        Assert.Equal(HttpStatusCode.SeeOther, otherPort.StatusCode);
        Assert.StartsWith("/oauth/consent?", otherPort.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, otherPath.StatusCode);
    }

    [Fact]
    public async Task A_token_asked_for_another_resource_is_refused_with_invalid_target()
    {
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);
        var clientId = await browser.RegisterAsync();

        using var response = await browser.Http.GetAsync(browser.AuthorizeUrl(clientId, OAuthBrowser.Pkce().Challenge, resource: "https://other.example/mcp"), Ct);

        // OpenIddict answers a request it refuses during validation on its own error page.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_target", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_consent_naming_a_number_the_tenant_does_not_have_is_a_400_page_and_issues_nothing()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await OAuthServerHost.StartAsync(recorder);
        using var browser = new OAuthBrowser(host);
        var clientId = await browser.RegisterAsync();
        var form = await browser.ConsentFormAsync(browser.AuthorizeUrl(clientId, OAuthBrowser.Pkce().Challenge));
        recorder.Clear();

        using var response = await browser.PostConsentAsync(form, ("pilotstatus", "numbers"), ("number", "num_not_in_this_tenant"), ("chilipiper", "read"), ("decision", "approve"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("not one of this tenant", await response.Content.ReadAsStringAsync(Ct));
        // Only the tenant's number list was read; no tool call, and no connection was made.
        Assert.All(recorder.Requests, r => Assert.EndsWith("/v1/numbers", r.Path));
        Assert.Contains("No connections.", await browser.GetPageAsync("/oauth/connections"));
    }

    [Fact]
    public async Task Deny_sends_access_denied_back_to_the_client()
    {
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);
        var clientId = await browser.RegisterAsync();
        var form = await browser.ConsentFormAsync(browser.AuthorizeUrl(clientId, OAuthBrowser.Pkce().Challenge));

        using var response = await browser.PostConsentAsync(form, ("decision", "deny"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("error=access_denied", response.Headers.Location!.Query);
        Assert.DoesNotContain("code=", response.Headers.Location!.Query);
    }

    [Fact]
    public async Task A_consent_without_the_anti_forgery_field_is_refused()
    {
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);
        var clientId = await browser.RegisterAsync();
        var form = await browser.ConsentFormAsync(browser.AuthorizeUrl(clientId, OAuthBrowser.Pkce().Challenge));
        form.RemoveAll(f => f.Key == "__af");

        using var response = await browser.PostConsentAsync(form, OneNumber);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Revoking_a_connection_makes_its_access_and_refresh_tokens_fail()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await OAuthServerHost.StartAsync(recorder);
        using var browser = new OAuthBrowser(host);
        var (clientId, tokens) = await browser.ConnectAsync();
        await using (var before = await host.ConnectAsClientAsync(tokens.GetProperty("access_token").GetString()!))
        {
            Assert.NotEmpty(await before.ListToolsAsync(cancellationToken: Ct));
        }

        var page = await browser.GetPageAsync("/oauth/connections");
        Assert.Contains("Test client", page);
        var id = System.Text.RegularExpressions.Regex.Match(page, "name=\"revoke\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = OAuthBrowser.Fields(page).Where(f => f.Key == "__af").Take(1).Append(new("revoke", id));
        using var revoked = await browser.Http.PostAsync("/oauth/connections", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.SeeOther, revoked.StatusCode);
        Assert.Contains("No connections.", await browser.GetPageAsync("/oauth/connections"));

        recorder.Clear();
        await Assert.ThrowsAnyAsync<HttpRequestException>(async () => await host.ConnectAsClientAsync(tokens.GetProperty("access_token").GetString()!));
        var (status, error) = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", tokens.GetProperty("refresh_token").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task Registration_refuses_confidential_clients_and_plain_http_redirects_to_other_machines()
    {
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);

        foreach (var body in new[]
        {
            """{"redirect_uris":["https://app.example/cb"],"token_endpoint_auth_method":"client_secret_basic"}""",
            """{"redirect_uris":["http://app.example/cb"]}""",
            """{"redirect_uris":[]}""",
            """not json""",
        })
        {
            using var response = await browser.Http.PostAsync("/oauth/register", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.StartsWith("invalid_", error.RootElement.GetProperty("error").GetString());
        }
    }
}
