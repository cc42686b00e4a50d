using System.Diagnostics;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.E2E.Tests.Infrastructure;

namespace Serverless.E2E.Tests;

/// <summary>
/// The real self-host in managed mode: a client key made by the client-key command, its printed settings given to
/// the server, and the official C# SDK client acting within the grant while the server holds the vendor keys.
/// </summary>
public sealed class ManagedModeTests
{
    private static readonly string[] VendorKeys = ["ps_sandbox_tenant", "ps_sandbox_number_1", "ps_sandbox_number_2", "cp_sandbox_admin"];

    [Fact]
    public async Task A_client_key_from_the_command_works_against_the_server_within_its_grant()
    {
        var ct = TestContext.Current.CancellationToken;
        var (key, settings) = await CreateClientKeyAsync(ct, "e2e-bot", "--numbers", "num_sandbox_2", "--chilipiper", "read");

        var environment = new Dictionary<string, string?>(settings)
        {
            ["Credentials__Mode"] = "Managed",
            ["Secrets__pilotstatus-tenant-key"] = "ps_sandbox_tenant",
            ["Secrets__chilipiper-api-key"] = "cp_sandbox_admin",
        };
        await using var server = await ServerProcess.StartAsync(["serve", "--sandbox"], environment);

        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(server.McpUrl, new() { ["Authorization"] = "Bearer mcpgw_not_a_client" }));

        await using var client = await ConnectAsync(server.McpUrl, new() { ["Authorization"] = "Bearer " + key });
        var tools = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToHashSet();
        Assert.Contains("conversations_list", tools);
        Assert.Contains("user-find", tools);
        Assert.DoesNotContain("api_keys_list", tools);
        Assert.DoesNotContain("user-invite", tools);

        // The only granted number is implied; its key was found through the tenant key.
        var conversations = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: ct);
        Assert.True(conversations.IsError is not true, Text(conversations));
        var users = await client.CallToolAsync("user-find", new Dictionary<string, object?> { ["query"] = "bob" }, cancellationToken: ct);
        Assert.True(users.IsError is not true, Text(users));

        await using var otherNumber = await ConnectAsync(server.McpUrl, new() { ["Authorization"] = "Bearer " + key, ["x-whatsapp-number-id"] = "num_sandbox_1" });
        var refused = await otherNumber.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: ct);
        Assert.True(refused.IsError, Text(refused));
        Assert.Contains("GRANT_REFUSED", Text(refused), StringComparison.Ordinal);

        foreach (var vendorKey in VendorKeys)
        {
            Assert.DoesNotContain(vendorKey, server.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain(vendorKey, Text(conversations) + Text(users) + Text(refused), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stdio_in_managed_mode_acts_as_the_client_its_key_names()
    {
        var ct = TestContext.Current.CancellationToken;
        var (key, settings) = await CreateClientKeyAsync(ct, "e2e-bot", "--numbers", "num_sandbox_1,num_sandbox_2", "--chilipiper", "none");
        var environment = new Dictionary<string, string?>(settings)
        {
            ["Credentials__Mode"] = "Managed",
            ["Credentials__ClientKey"] = key,
            ["PilotStatus__WhatsAppNumberId"] = "num_sandbox_1",
            ["Secrets__pilotstatus-tenant-key"] = "ps_sandbox_tenant",
        };
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = RepoPaths.Server,
            Arguments = ["stdio", "--sandbox"],
            EnvironmentVariables = environment,
        }), cancellationToken: ct);

        var tools = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToHashSet();
        Assert.Contains("messages_unread", tools);
        Assert.DoesNotContain("user-find", tools);
        Assert.DoesNotContain("branding_get", tools);

        // The number comes from PilotStatus__WhatsAppNumberId; its key from the tenant key's list.
        var unread = await client.CallToolAsync("messages_unread", new Dictionary<string, object?>(), cancellationToken: ct);
        Assert.True(unread.IsError is not true, Text(unread));
        var outside = await client.CallToolAsync("numbers_get", new Dictionary<string, object?> { ["id"] = "num_outside_grant" }, cancellationToken: ct);
        Assert.Contains("GRANT_REFUSED", Text(outside), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_managed_server_never_falls_back_to_the_sandbox()
    {
        await using var server = await ServerProcess.StartAsync(["serve"], new Dictionary<string, string?> { ["Credentials__Mode"] = "Managed" });

        Assert.True(await server.WaitForOutputAsync("mcp-remote"), server.StandardOutput);
        Assert.DoesNotContain("sandbox", server.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Runs the client-key command and reads the key and the environment lines it printed.</summary>
    private static async Task<(string Key, Dictionary<string, string?> Settings)> CreateClientKeyAsync(CancellationToken ct, params string[] arguments)
    {
        var info = new ProcessStartInfo(RepoPaths.Server) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("client-key");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, error);

        var lines = output.Split('\n').Select(l => l.Trim()).ToArray();
        var key = Assert.Single(lines, l => l.StartsWith("mcpgw_", StringComparison.Ordinal));
        var settings = lines.Where(l => l.StartsWith("Clients__", StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => (string?)p[1]);
        Assert.Contains("Clients__e2e-bot__KeySha256", settings.Keys);
        return (key, settings);
    }

    private static Task<McpClient> ConnectAsync(Uri url, Dictionary<string, string> headers) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = url,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        }));

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
