using Serverless.Functions.Tests.Infrastructure;
using Serverless.Tools.Catalog;

namespace Serverless.Functions.Tests;

/// <summary>The function app serves the search route through its mcp function, on the same paths as the self-host.</summary>
public sealed class SearchRouteFunctionTests(RoutedFunctionsTests.Fixture fixture) : IClassFixture<RoutedFunctionsTests.Fixture>
{
    [Theory]
    [InlineData("/mcp/search")]
    [InlineData("/mcp/search/readonly")]
    [InlineData("/mcp/search/x/messaging")]
    [InlineData("/mcp/search/x/templates,teams/readonly")]
    public async Task The_mcp_function_lists_the_two_search_tools_on_every_search_path(string path)
    {
        await using var client = await fixture.Host.ConnectAsync(path, Raw.BothCredentials);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["call_tool", "search_tools"], tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_and_call_reach_the_sandbox_within_the_route_selection()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = await fixture.Host.ConnectAsync("/mcp/search/x/templates,teams/readonly", Raw.BothCredentials);

        var found = await client.CallToolAsync("search_tools", new Dictionary<string, object?> { ["limit"] = 25 }, cancellationToken: ct);
        var names = found.StructuredContent!.Value.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["team-list-put", "templates_get", "templates_list"], names);

        var listed = await client.CallToolAsync("call_tool", new Dictionary<string, object?> { ["name"] = "templates_list", ["arguments"] = new Dictionary<string, object?>() }, cancellationToken: ct);
        Assert.True(listed.IsError != true);
        Assert.Contains("tpl_sandbox_order_update", listed.StructuredContent!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(fixture.Catalog.Entries, e => e.Name == "templates_list" && e.ReadOnly);
    }

    [Theory]
    [InlineData("/mcp/search/search")]
    [InlineData("/mcp/readonly/search")]
    public async Task Search_comes_first_and_only_once(string path)
    {
        var (status, _, _) = await Raw.SendAsync(Raw.Post(fixture.Host.Url(path)));
        Assert.Equal(404, status);
    }
}
