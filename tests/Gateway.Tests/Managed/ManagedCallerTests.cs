using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>Managed mode at the edges: who may call, number keys found through the tenant key, and missing secrets.</summary>
public sealed class ManagedCallerTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    [Theory]
    [InlineData(null)]
    [InlineData("mcpgw_not_a_configured_client")]
    [InlineData(SandboxCredentials.ChiliPiperAdminToken)]
    public async Task A_request_without_a_configured_client_key_gets_401_with_a_challenge_and_a_json_rpc_error(string? bearer)
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Mcp()) { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        // Vendor keys are not credentials in managed mode.
        request.Headers.Add("x-api-key", SandboxCredentials.PilotStatusNumberKey1);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer realm=\"mcp\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Authorization: Bearer", body.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_number_key_is_found_through_the_tenant_key_once_and_then_reused()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings());
        await using var client = await host.ConnectAsClientAsync(ManagedHost.Number2Key);
        var ct = TestContext.Current.CancellationToken;

        var first = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: ct);
        var second = await client.CallToolAsync("messages_unread", new Dictionary<string, object?>(), cancellationToken: ct);

        Assert.True(first.IsError is not true, ManagedHost.Text(first));
        Assert.True(second.IsError is not true, ManagedHost.Text(second));
        var requests = recorder.Requests;
        var listing = Assert.Single(requests, r => r.Path.EndsWith("/v1/api-keys", StringComparison.Ordinal));
        Assert.Equal(SandboxCredentials.PilotStatusTenantKey, listing.ApiKey);
        Assert.All(requests.Where(r => r != listing), r => Assert.Equal(SandboxCredentials.PilotStatusNumberKey2, r.ApiKey));
        Assert.Equal(2, requests.Count(r => r != listing));
        ManagedHost.AssertNoVendorKey(string.Join("\n", host.Logs.Lines), "the gateway's logs");
    }

    [Fact]
    public async Task Every_secret_read_key_found_and_client_key_is_remembered_for_scrubbing()
    {
        var known = new Serverless.Tools.Upstreams.KnownSecrets();
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings(), s => s.AddSingleton(known));
        await using var client = await host.ConnectAsClientAsync(ManagedHost.Number2Key);
        var ct = TestContext.Current.CancellationToken;

        // Connecting authenticates the client; no vendor key has been read yet.
        Assert.Equal([ManagedHost.Number2Key], known.Values);
        var conversations = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: ct);
        var users = await client.CallToolAsync("user-find", new Dictionary<string, object?> { ["query"] = "bob" }, cancellationToken: ct);

        Assert.True(conversations.IsError is not true && users.IsError is not true, ManagedHost.Text(conversations) + ManagedHost.Text(users));
        Assert.Superset(
            new HashSet<string>
            {
                ManagedHost.Number2Key,
                SandboxCredentials.PilotStatusTenantKey,
                SandboxCredentials.PilotStatusNumberKey1,
                SandboxCredentials.PilotStatusNumberKey2,
                SandboxCredentials.ChiliPiperAdminToken,
            },
            known.Values.ToHashSet());
    }

    [Theory]
    [InlineData("num_1\r\nx-api-key: injected")]
    [InlineData("num 1")]
    public async Task A_number_id_that_cannot_be_one_is_refused_before_any_upstream_call(string id)
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings());
        await using var client = await host.ConnectAsClientAsync(ManagedHost.AllKey);

        var result = await client.CallToolAsync("numbers_get", new Dictionary<string, object?> { ["id"] = id }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("INVALID_ARGUMENT", ManagedHost.ErrorCode(result));
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_number_with_its_own_secret_needs_no_key_listing()
    {
        var recorder = new UpstreamRecorder();
        var settings = ManagedHost.Settings();
        settings["Secrets:pilotstatus-number-key-num-sandbox-2"] = SandboxCredentials.PilotStatusNumberKey2;
        await using var host = await ManagedHost.StartAsync(recorder, settings);
        await using var client = await host.ConnectAsClientAsync(ManagedHost.Number2Key);

        var result = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.IsError is not true, ManagedHost.Text(result));
        var request = Assert.Single(recorder.Requests);
        Assert.Equal(SandboxCredentials.PilotStatusNumberKey2, request.ApiKey);
    }

    [Fact]
    public async Task A_legacy_number_key_is_an_error_naming_the_secret_to_add()
    {
        var recorder = new UpstreamRecorder
        {
            // The account's key list as the vendor documents it, with number 2's key a legacy one (key: null).
            Answer = request => request.RequestUri!.AbsolutePath.EndsWith("/v1/api-keys", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent($$"""
                        [{"numberId":"{{SandboxSeedIds.Number1}}","number":"+5511900000001","displayName":"Sandbox Store","keyId":"key_1","keyLast4":"er_1","key":"{{SandboxCredentials.PilotStatusNumberKey1}}","revealable":true},
                         {"numberId":"{{SandboxSeedIds.Number2}}","number":"+5511900000002","displayName":"Sandbox Support","keyId":null,"keyLast4":null,"key":null,"revealable":false}]
                        """, Encoding.UTF8, "application/json"),
                }
                : null,
        };
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings());
        await using var client = await host.ConnectAsClientAsync(ManagedHost.Number2Key);

        var result = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("NUMBER_KEY_UNAVAILABLE", ManagedHost.ErrorCode(result));
        Assert.Contains("legacy", ManagedHost.Text(result), StringComparison.Ordinal);
        Assert.Contains("'pilotstatus-number-key-num-sandbox-2'", ManagedHost.Text(result), StringComparison.Ordinal);
        Assert.DoesNotContain(recorder.Requests, r => r.Path.EndsWith("/v1/conversations", StringComparison.Ordinal));
        ManagedHost.AssertNoVendorKey(ManagedHost.Text(result), "the error");
    }

    [Theory]
    [InlineData("user-find", "chilipiper-api-key")]
    [InlineData("branding_get", "pilotstatus-tenant-key")]
    [InlineData("conversations_list", "pilotstatus-tenant-key")]
    public async Task A_missing_secret_is_an_error_result_naming_it(string tool, string secret)
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings(withSecrets: false));
        await using var client = await host.ConnectAsClientAsync(ManagedHost.AllKey, SandboxSeedIds.Number1);

        var result = await client.CallToolAsync(tool, new Dictionary<string, object?> { ["query"] = "bob" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("SECRET_MISSING", ManagedHost.ErrorCode(result));
        Assert.Contains($"'{secret}'", ManagedHost.Text(result), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task Api_keys_are_never_revealed_to_a_managed_client()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings());
        await using var client = await host.ConnectAsClientAsync(ManagedHost.AllKey);
        var ct = TestContext.Current.CancellationToken;

        var revealed = await client.CallToolAsync("api_keys_list", new Dictionary<string, object?> { ["reveal"] = true }, cancellationToken: ct);
        Assert.Equal("REVEAL_NOT_ALLOWED", ManagedHost.ErrorCode(revealed));
        Assert.Empty(recorder.Requests);

        var masked = await client.CallToolAsync("api_keys_list", new Dictionary<string, object?>(), cancellationToken: ct);
        Assert.True(masked.IsError is not true, ManagedHost.Text(masked));
        ManagedHost.AssertNoVendorKey(ManagedHost.Text(masked) + masked.StructuredContent?.GetRawText(), "the api_keys_list result");
        Assert.All(masked.StructuredContent!.Value.GetProperty("result").EnumerateArray(),
            item => Assert.StartsWith("ps_…", item.GetProperty("key").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pass_through_mode_is_unchanged_when_clients_are_configured()
    {
        var settings = ManagedHost.Settings();
        settings.Remove("Credentials:Mode");
        await using var host = await GatewayHost.StartAsync(settings);
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var result = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.IsError is not true, ManagedHost.Text(result));
    }
}
