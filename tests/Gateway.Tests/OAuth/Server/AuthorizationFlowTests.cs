using System.Net;
using System.Text.Json;
using Serverless.Gateway.Tests.Managed;

namespace Serverless.Gateway.Tests.OAuth.Server;

/// <summary>The whole code flow on the gateway's own authorization server: metadata, registration, sign-in, consent, tokens, refresh.</summary>
public sealed class AuthorizationFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_metadata_names_the_issuer_the_resource_points_at_and_offers_registration_documents_and_S256_only()
    {
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);

        foreach (var path in new[] { "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" })
        {
            using var document = JsonDocument.Parse(await browser.GetPageAsync(path));
            var root = document.RootElement;
            Assert.Equal(browser.Origin, root.GetProperty("issuer").GetString());
            Assert.Equal(browser.Origin + "/oauth/authorize", root.GetProperty("authorization_endpoint").GetString());
            Assert.Equal(browser.Origin + "/oauth/token", root.GetProperty("token_endpoint").GetString());
            Assert.Equal(browser.Origin + "/oauth/revoke", root.GetProperty("revocation_endpoint").GetString());
            Assert.Equal(browser.Origin + "/oauth/register", root.GetProperty("registration_endpoint").GetString());
            Assert.True(root.GetProperty("client_id_metadata_document_supported").GetBoolean());
            Assert.Equal(["S256"], root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["none"], root.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public async Task A_client_registers_the_user_consents_to_one_number_and_read_only_chili_piper_and_the_token_is_held_to_that()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await OAuthServerHost.StartAsync(recorder);
        using var browser = new OAuthBrowser(host);

        var (_, tokens) = await browser.ConnectAsync();
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refresh_token").GetString()));

        await using var client = await host.ConnectAsClientAsync(accessToken);
        var names = (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToHashSet();
        Assert.Contains("messages_send", names);
        Assert.Contains("meeting-list-put", names);
        var tenantTools = Serverless.Tools.Catalog.ToolCatalog.CreateDefault().Entries.Where(t => t.KeyScope == Serverless.Tools.Catalog.KeyScope.Tenant).Select(t => t.Name).ToArray();
        Assert.NotEmpty(tenantTools);
        Assert.All(tenantTools, t => Assert.DoesNotContain(t, names));
        Assert.DoesNotContain("meeting-cancel", names);

        recorder.Clear();
        var own = await client.CallToolAsync("templates_list", new Dictionary<string, object?>(), cancellationToken: Ct);
        Assert.NotEqual(true, own.IsError);
        Assert.NotEmpty(recorder.Requests);

        recorder.Clear();
        await using var elsewhere = await host.ConnectAsClientAsync(accessToken, SandboxSeedIds.Number1);
        var other = await elsewhere.CallToolAsync("templates_list", new Dictionary<string, object?>(), cancellationToken: Ct);
        Assert.True(other.IsError);
        Assert.Equal("GRANT_REFUSED", ManagedHost.ErrorCode(other));
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_a_reused_one_is_refused_with_invalid_grant()
    {
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);
        var (clientId, tokens) = await browser.ConnectAsync();
        var refresh = tokens.GetProperty("refresh_token").GetString()!;

        var (status, renewed) = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", refresh));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(refresh, renewed.GetProperty("refresh_token").GetString());
        await using (var client = await host.ConnectAsClientAsync(renewed.GetProperty("access_token").GetString()!))
        {
            Assert.NotEmpty(await client.ListToolsAsync(cancellationToken: Ct));
        }

        var (reusedStatus, reused) = await browser.TokenAsync(("grant_type", "refresh_token"), ("client_id", clientId), ("refresh_token", refresh));
        Assert.Equal(HttpStatusCode.BadRequest, reusedStatus);
        Assert.Equal("invalid_grant", reused.GetProperty("error").GetString());
    }
}
