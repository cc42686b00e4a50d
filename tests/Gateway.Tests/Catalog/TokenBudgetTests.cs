using System.Text.Json.Nodes;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Tests.Catalog;

/// <summary>
/// What the compact tools/list costs a model, counted with a real tokenizer over the JSON as the wire carries it:
/// the whole catalog, each toolset and each tool stay within budget, so a client can load what it needs and still
/// have room to work. The heaviest tools are printed, to show where shortening pays.
/// </summary>
public sealed class TokenBudgetTests
{
    private const int ToolsetBudget = 3_000;
    private const int ToolBudget = 450;
    private const int CatalogBudget = 20_000;
    private const int SearchRouteBudget = 1_000;

    [Fact]
    public void The_tokenizer_counts_tokens()
    {
        // Guards the budgets below against a tokenizer that counts nothing.
        Assert.InRange(O200k.Count("Send a WhatsApp message to +5511900000001."), 8, 20);
    }

    [Fact]
    public async Task Each_toolset_and_each_tool_fit_their_token_budgets()
    {
        var tools = await ListAsync();
        var catalog = ToolCatalog.CreateDefault();
        var costs = tools.Select(t => (Name: t["name"]!.GetValue<string>(), Tokens: O200k.Count(t.ToJsonString()))).ToList();
        var total = O200k.Count(new JsonObject { ["tools"] = new JsonArray([.. tools.Select(t => t.DeepClone())]) }.ToJsonString());

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"tools/list: {costs.Count} tools, {total} o200k tokens");
        output?.WriteLine("Heaviest tools:");
        foreach (var (name, tokens) in costs.OrderByDescending(c => c.Tokens).Take(15))
        {
            output?.WriteLine($"  {tokens,5}  {name}");
        }

        var toolsets = costs
            .GroupBy(c => catalog.TryGet(c.Name, out var entry) ? entry.Toolset : "?")
            .Select(g => (Toolset: g.Key, Tokens: O200k.Count(new JsonArray([.. tools.Where(t => g.Any(c => c.Name == t["name"]!.GetValue<string>())).Select(t => t.DeepClone())]).ToJsonString())))
            .OrderByDescending(t => t.Tokens)
            .ToList();
        output?.WriteLine("Toolsets:");
        foreach (var (toolset, tokens) in toolsets)
        {
            output?.WriteLine($"  {tokens,5}  {toolset}");
        }

        Assert.Equal(108, costs.Count);
        Assert.True(total <= CatalogBudget, $"the whole catalog costs {total} tokens, over its budget of {CatalogBudget}");
        Assert.DoesNotContain(toolsets, t => t.Toolset == "?");
        var heavySets = toolsets.Where(t => t.Tokens > ToolsetBudget).Select(t => $"{t.Toolset} ({t.Tokens})").ToList();
        Assert.True(heavySets.Count == 0, $"toolsets over {ToolsetBudget} tokens: {string.Join(", ", heavySets)}");
        var heavyTools = costs.Where(c => c.Tokens > ToolBudget).Select(c => $"{c.Name} ({c.Tokens})").ToList();
        Assert.True(heavyTools.Count == 0, $"tools over {ToolBudget} tokens: {string.Join(", ", heavyTools)}");
    }

    [Fact]
    public async Task The_search_route_lists_for_under_a_thousand_tokens()
    {
        var tools = await ListAsync("/mcp/search");
        var total = O200k.Count(new JsonObject { ["tools"] = new JsonArray([.. tools.Select(t => t.DeepClone())]) }.ToJsonString());
        TestContext.Current.TestOutputHelper?.WriteLine($"tools/list on /mcp/search: {tools.Count} tools, {total} o200k tokens");

        Assert.Equal(["call_tool", "search_tools"], tools.Select(t => t["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.True(total < SearchRouteBudget, $"the search route's tools/list costs {total} tokens, not under {SearchRouteBudget}");
    }

    private static async Task<List<JsonNode>> ListAsync(string path = "/mcp")
    {
        await using var host = await GatewayHost.StartAsync();
        var (status, body, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(path), RawMcp.ToolsList, r =>
        {
            foreach (var (name, value) in Credentials.Both)
            {
                r.Headers.TryAddWithoutValidation(name, value);
            }
        }));
        Assert.Equal(200, status);
        var data = RawMcp.MessageText(body);
        return [.. JsonNode.Parse(data)!["result"]!["tools"]!.AsArray().Select(t => t!)];
    }
}
