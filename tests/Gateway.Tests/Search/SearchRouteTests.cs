using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Gateway.Tests.Managed;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Tests.Search;

/// <summary>
/// The search route (/mcp/search and the same selections behind it) lists two tools: search_tools finds catalog tools
/// of the route's selection, call_tool calls one by name through the same checks as a direct call.
/// </summary>
public sealed class SearchRouteTests
{
    private static readonly ToolCatalog Catalog = ToolCatalog.CreateDefault();

    private static async Task<JsonElement> SearchAsync(McpClient client, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync("search_tools", arguments, cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotEqual(true, result.IsError);
        return result.StructuredContent!.Value;
    }

    private static string[] Names(JsonElement found) =>
        [.. found.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];

    private static Task<CallToolResult> CallThroughAsync(McpClient client, string name, Dictionary<string, object?> arguments) =>
        client.CallToolAsync("call_tool", new Dictionary<string, object?> { ["name"] = name, ["arguments"] = arguments },
            cancellationToken: TestContext.Current.CancellationToken).AsTask();

    // Each upstream call gets its own correlation id; everything else must be the same.
    private static string Json(CallToolResult result) =>
        System.Text.RegularExpressions.Regex.Replace(JsonSerializer.Serialize(result, McpJsonUtilities.DefaultOptions), "[0-9a-f]{24,32}", "(correlation id)");

    [Fact]
    public async Task The_search_route_lists_the_two_search_tools_and_nothing_else()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp/search", Credentials.Both);

        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["call_tool", "search_tools"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        var search = tools.Single(t => t.Name == "search_tools").ProtocolTool.Annotations!;
        Assert.Equal((true, false, true, false), WireHints.Effective(search));
        // Over the whole catalog call_tool can write and destroy.
        var call = tools.Single(t => t.Name == "call_tool").ProtocolTool.Annotations;
        Assert.Equal((false, true, false, true), WireHints.Effective(call));
    }

    [Fact]
    public async Task Search_finds_tools_by_words_with_their_one_line_description_and_schema()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var direct = await host.ConnectAsync("/mcp", Credentials.Both);
        await using var client = await host.ConnectAsync("/mcp/search", Credentials.Both);
        var listed = (await direct.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).ToDictionary(t => t.Name);

        var send = await SearchAsync(client, new() { ["query"] = "send a whatsapp message" });
        Assert.Equal("messages_send", Names(send)[0]);
        var first = send.GetProperty("tools")[0];
        Assert.Equal("messaging", first.GetProperty("toolset").GetString());
        Assert.False(first.GetProperty("readOnly").GetBoolean());
        Assert.Equal("Send one WhatsApp message from the key-bound number.", first.GetProperty("description").GetString());
        Assert.True(JsonElement.DeepEquals(listed["messages_send"].ProtocolTool.InputSchema, first.GetProperty("inputSchema")));

        var meetings = Names(await SearchAsync(client, new() { ["query"] = "cancel meetings" }));
        Assert.Contains("meeting-cancel", meetings.Take(3));
        Assert.Contains("crm-cancel", meetings);
        Assert.DoesNotContain("messages_send", meetings);

        Assert.Empty(Names(await SearchAsync(client, new() { ["query"] = "zzqx" })));

        // An "e.g." does not end the one-line description.
        var logs = (await SearchAsync(client, new() { ["query"] = "concierge routing log" })).GetProperty("tools")[0];
        Assert.Equal("concierge-logs", logs.GetProperty("name").GetString());
        Assert.Equal("Read the routing log of one Concierge router: each routed lead with status (e.g. Scheduled, TimedOut), guestEmail, assignments, matched path and meetingId.",
            logs.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Search_narrows_by_toolset_and_read_only_and_caps_the_answer()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp/search", Credentials.Both);

        Assert.Equal(["conversations_list", "message_get", "messages_group", "messages_unread"],
            Names(await SearchAsync(client, new() { ["toolset"] = "messaging", ["readOnly"] = true })).Order(StringComparer.Ordinal));
        Assert.Equal(["messages_cancel", "messages_send"],
            Names(await SearchAsync(client, new() { ["toolset"] = "messaging", ["readOnly"] = false })).Order(StringComparer.Ordinal));

        var all = await SearchAsync(client, new() { ["limit"] = 25 });
        Assert.Equal(25, Names(all).Length);
        Assert.Equal(108, all.GetProperty("found").GetInt32());
        Assert.Equal(Catalog.Entries.Take(25).Select(e => e.Name), Names(all));

        var bad = await client.CallToolAsync("search_tools", new Dictionary<string, object?> { ["toolset"] = "nope" },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(bad.IsError);
        Assert.Equal("INVALID_ARGUMENT", ManagedHost.ErrorCode(bad));
    }

    [Fact]
    public async Task Search_and_call_see_only_the_selection_of_their_route()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp/search/x/meetings", Credentials.Both);

        var found = Names(await SearchAsync(client, new() { ["limit"] = 25 }));
        Assert.Equal(Catalog.Entries.Where(e => e.Toolset == "meetings").Select(e => e.Name), found);

        var outside = await Assert.ThrowsAsync<McpProtocolException>(() =>
            CallThroughAsync(client, "templates_list", new()));
        Assert.Contains("Unknown tool: 'templates_list'", outside.Message);
    }

    [Fact]
    public async Task Calling_through_call_tool_gives_what_a_direct_call_gives()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var direct = await host.ConnectAsync("/mcp", Credentials.Both);
        await using var search = await host.ConnectAsync("/mcp/search", Credentials.Both);
        var ct = TestContext.Current.CancellationToken;

        var cases = new (string Tool, Dictionary<string, object?> Arguments, bool IsError)[]
        {
            ("templates_list", new(), false),
            ("workspace-list", new(), false),
            ("message_get", new() { ["messageId"] = "msg_does_not_exist" }, true),
            ("messages_cancel", new() { ["messageIds"] = Array.Empty<string>() }, true),
            ("meeting-list-put", new() { ["start"] = "2026-03-02T00:00:00Z", ["end"] = "2026-03-02T00:00:00Z" }, true),
        };
        foreach (var (tool, arguments, isError) in cases)
        {
            var expected = await direct.CallToolAsync(tool, arguments, cancellationToken: ct);
            var actual = await CallThroughAsync(search, tool, arguments);

            Assert.Equal(isError, expected.IsError == true);
            Assert.Equal(Json(expected), Json(actual));
        }

        var unknownDirect = await Assert.ThrowsAsync<McpProtocolException>(() => direct.CallToolAsync("no_such_tool", cancellationToken: ct).AsTask());
        var unknownThrough = await Assert.ThrowsAsync<McpProtocolException>(() => CallThroughAsync(search, "no_such_tool", new()));
        Assert.Equal(unknownDirect.Message, unknownThrough.Message);
        Assert.Equal(unknownDirect.ErrorCode, unknownThrough.ErrorCode);
    }

    [Fact]
    public async Task Call_tool_needs_a_name_and_object_arguments_and_offers_only_the_search_tools()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp/search", Credentials.Both);
        var ct = TestContext.Current.CancellationToken;

        var nameless = await client.CallToolAsync("call_tool", new Dictionary<string, object?> { ["arguments"] = new Dictionary<string, object?>() }, cancellationToken: ct);
        Assert.Equal("INVALID_ARGUMENT", ManagedHost.ErrorCode(nameless));
        var textArguments = await client.CallToolAsync("call_tool", new Dictionary<string, object?> { ["name"] = "templates_list", ["arguments"] = "{}" }, cancellationToken: ct);
        Assert.Equal("INVALID_ARGUMENT", ManagedHost.ErrorCode(textArguments));

        // The catalog tools are reached through call_tool, as the listing says, not by their own names.
        var byName = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("templates_list", cancellationToken: ct).AsTask());
        Assert.Contains("Unknown tool: 'templates_list'", byName.Message);
    }

    [Fact]
    public async Task A_write_through_a_read_only_search_route_is_refused_before_any_upstream_call()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await GatewayHost.StartAsync(services: recorder.AddTo);
        await using var client = await host.ConnectAsync("/mcp/search/readonly", Credentials.Both);
        var ct = TestContext.Current.CancellationToken;

        var tools = await client.ListToolsAsync(cancellationToken: ct);
        Assert.Equal((true, false, true, true), WireHints.Effective(tools.Single(t => t.Name == "call_tool").ProtocolTool.Annotations));
        Assert.Empty(Names(await SearchAsync(client, new() { ["readOnly"] = false })));
        Assert.DoesNotContain("messages_send", Names(await SearchAsync(client, new() { ["query"] = "send whatsapp message" })));

        var send = new Dictionary<string, object?> { ["destinationNumber"] = "+5511988887777", ["text"] = "hello" };
        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => CallThroughAsync(client, "messages_send", send));
        Assert.Contains("Unknown tool: 'messages_send'", refused.Message);
        Assert.Empty(recorder.Requests);

        // A read on the same route goes through.
        var read = await CallThroughAsync(client, "templates_list", new());
        Assert.NotEqual(true, read.IsError);
        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task An_ungranted_tool_is_refused_for_a_managed_client_key_as_on_a_direct_call()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings());
        // Client "two": number 2 only, Chili Piper read-only.
        await using var direct = await host.ConnectAsClientAsync(ManagedHost.Number2Key, SandboxSeedIds.Number2);
        await using var search = await host.ConnectAsClientAsync(ManagedHost.Number2Key, SandboxSeedIds.Number2, "/mcp/search");
        var ct = TestContext.Current.CancellationToken;

        var found = Names(await SearchAsync(search, new() { ["query"] = "cancel meeting", ["limit"] = 25 }));
        Assert.DoesNotContain("meeting-cancel", found);
        Assert.Contains("meeting-get", found);

        var arguments = new Dictionary<string, object?> { ["meetingId"] = "00000000-0000-0000-0000-000000000001" };
        var expected = await direct.CallToolAsync("meeting-cancel", arguments, cancellationToken: ct);
        var actual = await CallThroughAsync(search, "meeting-cancel", arguments);
        Assert.Equal("NOT_GRANTED", ManagedHost.ErrorCode(actual));
        Assert.Equal(Json(expected), Json(actual));

        // A number outside the grant, named by a tool's own argument, is refused the same way too.
        var numberTool = Catalog.Entries.First(t => t.NumberArgument is not null && t.KeyScope != KeyScope.Tenant);
        var otherNumber = new Dictionary<string, object?> { [numberTool.NumberArgument!] = SandboxSeedIds.Number1 };
        var grantRefused = await CallThroughAsync(search, numberTool.Name, otherNumber);
        Assert.Equal("GRANT_REFUSED", ManagedHost.ErrorCode(grantRefused));
        Assert.Equal(Json(await direct.CallToolAsync(numberTool.Name, otherNumber, cancellationToken: ct)), Json(grantRefused));
        Assert.Empty(recorder.Requests);

        ManagedHost.AssertNoVendorKey(string.Join("\n", host.Logs.Lines), "the gateway's logs");
    }
}
