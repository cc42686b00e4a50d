using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;

namespace Serverless.Gateway.Tests;

/// <summary>Tool calls through the whole gateway against the sandbox twin.</summary>
public sealed class ToolCallTests
{
    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    [Theory]
    [InlineData(null)]
    [InlineData("2026-07-28")]
    [InlineData("2025-11-25")]
    [InlineData("2025-06-18")]
    [InlineData("2025-03-26")]
    public async Task Send_a_template_then_read_its_status(string? protocolVersion)
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both, protocolVersion);

        var sent = await client.CallToolAsync("messages_send", new Dictionary<string, object?>
        {
            ["destinationNumber"] = "+5511988887777",
            ["templateId"] = "order_update",
            ["variables"] = new Dictionary<string, string> { ["name"] = "Ana", ["order"] = "A-1" },
        });
        Assert.True(sent.IsError is not true, Text(sent));
        var id = sent.StructuredContent!.Value.GetProperty("id").GetString();

        var read = await client.CallToolAsync("message_get", new Dictionary<string, object?> { ["messageId"] = id });

        Assert.True(read.IsError is not true, Text(read));
        Assert.Equal(id, read.StructuredContent!.Value.GetProperty("id").GetString());
        Assert.Contains(read.StructuredContent!.Value.GetProperty("status").GetString(), new[] { "QUEUED", "SENT", "DELIVERED" });
        if (protocolVersion is not null)
        {
            Assert.Equal([protocolVersion], host.ProtocolVersionsSeen.Distinct());
        }

        TestContext.Current.TestOutputHelper?.WriteLine("revisions seen: " + string.Join(", ", host.ProtocolVersionsSeen.Distinct()));
    }

    [Fact]
    public async Task Sending_with_the_tenant_key_is_an_error_result_naming_the_scope()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", new() { ["x-api-key"] = SandboxCredentials.PilotStatusTenantKey });

        var result = await client.CallToolAsync("messages_send", new Dictionary<string, object?> { ["destinationNumber"] = "+5511988887777", ["text"] = "hi" });

        Assert.True(result.IsError);
        Assert.Contains("TENANT_SCOPE_NOT_ALLOWED", Text(result));
        Assert.Contains("number-scoped", Text(result));
        Assert.Empty(host.Sandbox.State.PilotStatus.GetOutboundMessages());
    }

    [Fact]
    public async Task The_read_only_token_gets_the_missing_permission_on_a_write()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", new() { ["Authorization"] = "Bearer " + SandboxCredentials.ChiliPiperReadOnlyToken });

        var result = await client.CallToolAsync("user-invite", new Dictionary<string, object?> { ["email"] = "new.person@example.com" });

        Assert.True(result.IsError);
        Assert.Contains("403", Text(result));
        Assert.Contains("user.", Text(result));
    }

    [Fact]
    public async Task Single_user_mode_needs_no_headers_and_request_headers_win()
    {
        await using var host = await GatewayHost.StartAsync(new()
        {
            ["PilotStatus:ApiKey"] = SandboxCredentials.PilotStatusNumberKey1,
            ["ChiliPiper:ApiKey"] = SandboxCredentials.ChiliPiperAdminToken,
        });

        await using (var anonymous = await host.ConnectAsync())
        {
            var tenant = await anonymous.CallToolAsync("tenant-get");
            Assert.True(tenant.IsError is not true, Text(tenant));
            Assert.Equal(108, (await anonymous.ListToolsAsync()).Count);
        }

        await using var tenantKey = await host.ConnectAsync("/mcp", new() { ["x-api-key"] = SandboxCredentials.PilotStatusTenantKey });
        var send = await tenantKey.CallToolAsync("messages_send", new Dictionary<string, object?> { ["destinationNumber"] = "+5511988887777", ["text"] = "hi" });
        Assert.Contains("TENANT_SCOPE_NOT_ALLOWED", Text(send));
    }

    [Fact]
    public async Task Credentials_never_appear_in_logs_errors_or_results()
    {
        const string secretKey = "ps_canary_Zq8secretSECRETsecret42";
        const string secretToken = "cp_tok_Xy7secretSECRETsecret42";
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", new() { ["x-api-key"] = secretKey, ["Authorization"] = "Bearer " + secretToken });

        var outputs = new List<string>();
        foreach (var (tool, args) in new (string, Dictionary<string, object?>)[]
        {
            ("conversations_list", new()),
            ("messages_send", new() { ["destinationNumber"] = "+5511988887777", ["text"] = "hi" }),
            ("tenant-get", new()),
            ("user-read", new() { ["userId"] = "nope" }),
        })
        {
            var result = await client.CallToolAsync(tool, args);
            Assert.True(result.IsError);
            outputs.Add(Text(result));
            outputs.Add(JsonSerializer.Serialize(result.StructuredContent));
        }

        var everything = string.Join('\n', outputs.Concat(host.Logs.Lines));
        Assert.Contains("401", string.Join('\n', outputs));
        Assert.DoesNotContain("secretSECRETsecret", everything);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Tool tenant-get -> error Unauthorized", StringComparison.Ordinal));
    }
}
