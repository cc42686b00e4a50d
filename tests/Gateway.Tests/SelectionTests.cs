using ModelContextProtocol;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Tests;

/// <summary>Which tools a request sees: route, headers, read-only and credentials.</summary>
public sealed class SelectionTests
{
    private static readonly ToolCatalog Catalog = ToolCatalog.CreateDefault();

    private static string[] CatalogNames(Func<ToolEntry, bool> where) => [.. Catalog.Entries.Where(where).Select(e => e.Name).Order(StringComparer.Ordinal)];

    // tools/list leaves out hints equal to the MCP defaults (WireHints); read with those defaults, every tool's
    // hints are the four it declares.
    private static (bool, bool, bool, bool) DeclaredHints(string name)
    {
        Assert.True(Catalog.TryGet(name, out var entry), name);
        var hints = entry.Hints;
        return (hints.ReadOnlyHint!.Value, hints.DestructiveHint!.Value, hints.IdempotentHint!.Value, hints.OpenWorldHint!.Value);
    }

    public static TheoryData<string> ToolsetIds => [.. Toolsets.All.Keys.Order(StringComparer.Ordinal)];

    private static async Task<string[]> ToolNamesAsync(GatewayHost host, string path, Dictionary<string, string> headers)
    {
        await using var client = await host.ConnectAsync(path, headers);
        var tools = await client.ListToolsAsync();
        return [.. tools.Select(t => t.Name).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Both_credentials_show_all_108_tools_with_all_hints()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var tools = await client.ListToolsAsync();

        Assert.Equal(108, tools.Count);
        Assert.Equal(CatalogNames(_ => true), tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(tools, t => Assert.Equal(DeclaredHints(t.Name), WireHints.Effective(t.ProtocolTool.Annotations)));
    }

    [Theory]
    [MemberData(nameof(ToolsetIds))]
    public async Task Each_toolset_route_lists_exactly_that_area_with_all_hints(string toolset)
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync($"/mcp/x/{toolset}", Credentials.Both);

        var tools = await client.ListToolsAsync();

        Assert.Equal(CatalogNames(e => e.Toolset == toolset), tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.NotEmpty(tools);
        Assert.All(tools, t => Assert.Equal(DeclaredHints(t.Name), WireHints.Effective(t.ProtocolTool.Annotations)));
    }

    [Fact]
    public async Task The_read_only_messaging_route_shows_the_four_read_tools()
    {
        await using var host = await GatewayHost.StartAsync();

        Assert.Equal(["conversations_list", "message_get", "messages_group", "messages_unread"],
            await ToolNamesAsync(host, "/mcp/x/messaging/readonly", Credentials.Both));
    }

    [Fact]
    public async Task Toolsets_add_up_from_route_and_header()
    {
        await using var host = await GatewayHost.StartAsync();

        var names = await ToolNamesAsync(host, "/mcp/x/organization", Credentials.Both.With("X-MCP-Toolsets", "messaging"));

        Assert.Equal(["conversations_list", "health-ping", "message_get", "messages_cancel", "messages_group", "messages_send", "messages_unread", "tenant-get"], names);
    }

    [Fact]
    public async Task Single_tools_and_exclusions_narrow_the_list_and_read_only_wins()
    {
        await using var host = await GatewayHost.StartAsync();

        Assert.Equal(["messages_send", "user-read"], await ToolNamesAsync(host, "/mcp", Credentials.Both.With("X-MCP-Tools", "messages_send,user-read")));
        Assert.Equal(["user-read"], await ToolNamesAsync(host, "/mcp", Credentials.Both.With("X-MCP-Tools", "messages_send,user-read").With("X-MCP-Readonly", "true")));
        Assert.Equal(["health-ping"], await ToolNamesAsync(host, "/mcp/x/organization", Credentials.Both.With("X-MCP-Exclude-Tools", "tenant-get")));
    }

    [Fact]
    public async Task Only_the_tools_of_upstreams_with_credentials_are_listed()
    {
        await using var host = await GatewayHost.StartAsync();

        var pilotStatusOnly = await ToolNamesAsync(host, "/mcp", new() { ["x-api-key"] = SandboxCredentials.PilotStatusNumberKey1 });
        var chiliPiperOnly = await ToolNamesAsync(host, "/mcp", new() { ["Authorization"] = "Bearer " + SandboxCredentials.ChiliPiperReadOnlyToken });

        Assert.All(pilotStatusOnly, n => Assert.Contains('_', n));
        Assert.Equal(54, pilotStatusOnly.Length);
        Assert.All(chiliPiperOnly, n => Assert.DoesNotContain('_', n));
        Assert.Equal(54, chiliPiperOnly.Length);
    }

    [Fact]
    public async Task A_tool_outside_the_selection_cannot_be_called()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp/x/messaging/readonly", Credentials.Both);

        await Assert.ThrowsAnyAsync<McpException>(() => client.CallToolAsync("messages_send", new Dictionary<string, object?>
        {
            ["destinationNumber"] = "+5511988887777",
            ["text"] = "hi",
        }).AsTask());
        Assert.Empty(host.Sandbox.State.PilotStatus.GetOutboundMessages());
    }

    [Theory]
    [InlineData("/mcp/x/nope", null, "Unknown toolset(s): nope")]
    [InlineData("/mcp", "X-MCP-Toolsets", "Unknown toolset(s): bogus")]
    [InlineData("/mcp", "X-MCP-Tools", "Unknown tool(s): bogus")]
    [InlineData("/mcp", "X-MCP-Exclude-Tools", "Unknown tool(s): bogus")]
    public async Task Unknown_names_are_400_naming_the_valid_ones(string path, string? header, string expected)
    {
        await using var host = await GatewayHost.StartAsync();
        var request = RawMcp.Post(host.Mcp(path), RawMcp.ToolsList, r =>
        {
            r.Headers.Add("x-api-key", SandboxCredentials.PilotStatusNumberKey1);
            if (header is not null)
            {
                r.Headers.Add(header, "bogus");
            }
        });

        var (status, body, _) = await RawMcp.SendAsync(request);

        Assert.Equal(400, status);
        Assert.Contains(expected, body);
        Assert.Contains(header is "X-MCP-Tools" or "X-MCP-Exclude-Tools" ? "messages_send" : "messaging", body);
    }
}
