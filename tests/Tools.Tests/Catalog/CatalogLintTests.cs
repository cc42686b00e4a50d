using System.Text.Json;
using Serverless.Tools.Catalog;

namespace Serverless.Tools.Tests.Catalog;

/// <summary>Rules every tool of the catalog must keep, whoever adds it.</summary>
public sealed class CatalogLintTests
{
    private const int DescriptionBudget = 600;
    private const int ParameterDescriptionBudget = 250;

    public static TheoryData<string> ToolNames => [.. ToolCatalog.CreateDefault().Entries.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Every_tool_sets_all_four_hints(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        var hints = entry.Tool.ProtocolTool.Annotations;
        Assert.NotNull(hints);
        Assert.NotNull(hints.ReadOnlyHint);
        Assert.NotNull(hints.DestructiveHint);
        Assert.NotNull(hints.IdempotentHint);
        Assert.NotNull(hints.OpenWorldHint);
        Assert.False(hints.ReadOnlyHint == true && hints.DestructiveHint == true, "a read-only tool cannot be destructive");
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Every_tool_has_a_known_toolset_and_a_name_in_its_vendors_style(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        Assert.True(Toolsets.All.TryGetValue(entry.Toolset, out var upstream));
        Assert.Equal(upstream, entry.Upstream);
        var pattern = upstream == Upstream.PilotStatus ? "^[a-z]+(_[a-z]+)*$" : "^[a-z0-9]+(-[a-z0-9]+)*$";
        Assert.Matches(pattern, name);
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Every_description_fits_its_budget_and_every_parameter_is_described(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        var tool = entry.Tool.ProtocolTool;
        Assert.False(string.IsNullOrWhiteSpace(tool.Description));
        Assert.True(tool.Description!.Length <= DescriptionBudget, $"{name}: description is {tool.Description.Length} chars");
        Assert.False(string.IsNullOrWhiteSpace(tool.Title));
        if (tool.InputSchema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                Assert.True(property.Value.TryGetProperty("description", out var d) && d.GetString()!.Length is > 0 and <= ParameterDescriptionBudget,
                    $"{name}.{property.Name} needs a description of at most {ParameterDescriptionBudget} chars");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void No_input_schema_has_a_top_level_combinator(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        var schema = entry.Tool.ProtocolTool.InputSchema;
        Assert.Equal(JsonValueKind.Object, schema.ValueKind);
        Assert.Equal("object", schema.GetProperty("type").GetString());
        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            Assert.False(schema.TryGetProperty(combinator, out _), $"{name} has a top-level {combinator}");
        }
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void No_schema_node_uses_a_type_list(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        var offenders = new List<string>();
        Walk(entry.Tool.ProtocolTool.InputSchema, "$", offenders);
        Assert.True(offenders.Count == 0, $"{name}: type lists at {string.Join(", ", offenders)}");
    }

    private static void Walk(JsonElement node, string path, List<string> offenders)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                if (property.Name == "type" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    offenders.Add(path);
                }

                Walk(property.Value, $"{path}.{property.Name}", offenders);
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in node.EnumerateArray())
            {
                Walk(item, $"{path}[{i++}]", offenders);
            }
        }
    }

    [Fact]
    public void The_first_areas_are_complete()
    {
        var byToolset = ToolCatalog.CreateDefault().Entries.GroupBy(e => e.Toolset).ToDictionary(g => g.Key, g => g.Select(e => e.Name).Order().ToArray());

        Assert.Equal(["conversations_list", "message_get", "messages_cancel", "messages_group", "messages_send", "messages_unread"], byToolset[Toolsets.Messaging]);
        Assert.Equal(["health-ping", "tenant-get"], byToolset[Toolsets.Organization]);
        Assert.Equal(["user-find", "user-find-by-filter", "user-find-by-ids", "user-invite", "user-read", "user-update-licenses"], byToolset[Toolsets.Users]);
    }
}
