using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Gateway.Tests.Managed;
using Serverless.Sandbox;

namespace Serverless.Gateway.Tests;

/// <summary>
/// Calling a tool of an upstream the caller holds no credential for says what is missing (the header, or the
/// grant), instead of "Unknown tool", and nothing reaches the upstream or the error log.
/// </summary>
public sealed class MissingCredentialTests
{
    [Theory]
    [InlineData("meeting-get", "x-api-key", "Authorization: Bearer", "Chili Piper")]
    [InlineData("numbers_list", "Authorization", "x-api-key", "Pilot Status")]
    public async Task A_pass_through_call_without_the_upstreams_credential_names_the_header(string tool, string sent, string needed, string upstream)
    {
        await using var host = await GatewayHost.StartAsync();
        var headers = new Dictionary<string, string> { [sent] = Credentials.Both[sent] };
        await using var client = await host.ConnectAsync(headers: headers);
        var ct = TestContext.Current.CancellationToken;

        Assert.DoesNotContain(tool, (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name));
        var result = await client.CallToolAsync(tool, new Dictionary<string, object?> { ["meetingId"] = "m1" }, cancellationToken: ct);

        Assert.True(result.IsError);
        Assert.Equal("CREDENTIAL_REQUIRED", ManagedHost.ErrorCode(result));
        var text = ManagedHost.Text(result);
        Assert.Contains(needed, text, StringComparison.Ordinal);
        Assert.Contains(upstream, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown tool", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Unknown tool", StringComparison.OrdinalIgnoreCase) || l.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tool_the_request_did_not_select_is_still_unknown()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp/x/messaging", Credentials.Both);
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAnyAsync<ModelContextProtocol.McpException>(() =>
            client.CallToolAsync("meeting-get", new Dictionary<string, object?> { ["meetingId"] = "m1" }, cancellationToken: ct).AsTask());
    }

    [Fact]
    public async Task A_managed_call_outside_the_grant_names_the_grant()
    {
        var recorder = new UpstreamRecorder();
        var settings = ManagedHost.Settings();
        settings["Clients:two:ChiliPiper"] = "none";
        await using var host = await ManagedHost.StartAsync(recorder, settings);
        await using var client = await host.ConnectAsClientAsync(ManagedHost.Number2Key, SandboxSeedIds.Number2);
        var ct = TestContext.Current.CancellationToken;

        var result = await client.CallToolAsync("meeting-get", new Dictionary<string, object?> { ["meetingId"] = "m1" }, cancellationToken: ct);

        Assert.True(result.IsError);
        Assert.Equal("NOT_GRANTED", ManagedHost.ErrorCode(result));
        var text = ManagedHost.Text(result);
        Assert.Contains("client 'two'", text, StringComparison.Ordinal);
        Assert.Contains("no Chili Piper access", text, StringComparison.Ordinal);
        Assert.Contains("Clients__two__", text, StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }
}
