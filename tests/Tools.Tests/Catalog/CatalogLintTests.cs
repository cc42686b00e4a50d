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
        var hints = entry.Hints;
        Assert.NotNull(hints);
        Assert.NotNull(hints.ReadOnlyHint);
        Assert.NotNull(hints.DestructiveHint);
        Assert.NotNull(hints.IdempotentHint);
        Assert.NotNull(hints.OpenWorldHint);
        Assert.False(hints.ReadOnlyHint == true && hints.DestructiveHint == true, "a read-only tool cannot be destructive");
        // The wire leaves idempotentHint off read-only tools, where MCP reads it as meaningless; the declaration must agree.
        Assert.False(hints.ReadOnlyHint == true && hints.IdempotentHint != true, "a read-only tool is idempotent");
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void The_hints_sent_mean_exactly_the_hints_declared(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        var declared = entry.Hints;
        var sent = entry.Tool.ProtocolTool.Annotations;

        Assert.Equal((declared.ReadOnlyHint!.Value, declared.DestructiveHint!.Value, declared.IdempotentHint!.Value, declared.OpenWorldHint!.Value),
            WireHints.Effective(sent));
        Assert.NotNull(sent);
        Assert.Null(sent.Title);
        if (declared.ReadOnlyHint == true)
        {
            Assert.Equal(true, sent.ReadOnlyHint);
            Assert.Null(sent.DestructiveHint);
            Assert.Null(sent.IdempotentHint);
        }
        else
        {
            // Every write says whether it destroys, even where that is the MCP default.
            Assert.Null(sent.ReadOnlyHint);
            Assert.Equal(declared.DestructiveHint, sent.DestructiveHint);
        }
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

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Every_parameter_and_array_item_declares_one_type(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        var offenders = new List<string>();
        if (entry.Tool.ProtocolTool.InputSchema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                RequireType(property.Value, $"$.{property.Name}", offenders);
            }
        }

        Assert.True(offenders.Count == 0, $"{name}: untyped schema at {string.Join(", ", offenders)}");
    }

    // A schema without a type reads as "anything" to a model and is rejected by strict-schema clients;
    // nested properties and array items are held to the same rule as the parameters themselves.
    private static void RequireType(JsonElement schema, string path, List<string> offenders)
    {
        // A parameter that takes an object or its text form offers both, each typed (never a type list).
        if (schema.ValueKind == JsonValueKind.Object && !schema.TryGetProperty("type", out _)
            && schema.TryGetProperty("anyOf", out var alternatives) && alternatives.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var alternative in alternatives.EnumerateArray())
            {
                RequireType(alternative, $"{path}.anyOf[{i++}]", offenders);
            }

            if (i < 2)
            {
                offenders.Add(path);
            }

            return;
        }

        if (schema.ValueKind != JsonValueKind.Object
            || !schema.TryGetProperty("type", out var type)
            || type.ValueKind != JsonValueKind.String)
        {
            offenders.Add(path);
            return;
        }

        if (type.GetString() == "array")
        {
            if (schema.TryGetProperty("items", out var items))
            {
                RequireType(items, $"{path}[]", offenders);
            }
            else
            {
                offenders.Add($"{path}[]");
            }
        }

        if (schema.TryGetProperty("properties", out var nested))
        {
            foreach (var property in nested.EnumerateObject())
            {
                RequireType(property.Value, $"{path}.{property.Name}", offenders);
            }
        }
    }

    public static TheoryData<string, string[]> VendorToolsByToolset => new()
    {
        { Toolsets.Messaging, ["conversations_list", "message_get", "messages_cancel", "messages_group", "messages_send", "messages_unread"] },
        { Toolsets.Webhooks, ["webhook_events", "webhook_get", "webhooks_create", "webhooks_delete", "webhooks_list", "webhooks_update"] },
        { Toolsets.Groups, ["group_info", "group_invite", "group_participants_add", "group_participants_demote", "group_participants_promote", "group_participants_remove", "group_pin", "groups_create", "groups_list"] },
        { Toolsets.Channels, ["newsletters_list"] },
        { Toolsets.Numbers, ["numbers_check", "numbers_connect", "numbers_create", "numbers_delete", "numbers_get", "numbers_list", "numbers_remote_pairing", "numbers_status"] },
        { Toolsets.Templates, ["templates_create", "templates_delete", "templates_get", "templates_list", "templates_update"] },
        { Toolsets.Calls, ["call_accept", "call_get", "call_initiate", "call_permission_get", "call_permission_request", "call_reject", "call_settings_get", "call_settings_update", "call_terminate", "calls_list"] },
        { Toolsets.Account, ["analytics_dashboard", "api_keys_list", "api_keys_regenerate_number", "billing_checkout", "branding_get", "branding_upsert", "media_get", "subscription_extra_numbers_add", "subscription_extra_numbers_get"] },
        { Toolsets.Organization, ["health-ping", "tenant-get"] },
        { Toolsets.Users, ["user-find", "user-find-by-filter", "user-find-by-ids", "user-invite", "user-read", "user-update-licenses"] },
        { Toolsets.Workspaces, ["workspace-add-users", "workspace-list", "workspace-list-users", "workspace-remove-users", "workspace-remove-users-all"] },
        { Toolsets.Teams, ["team-add-users", "team-list-put", "team-remove-users", "team-remove-users-all"] },
        { Toolsets.Distributions, ["distribution-adjust-v3", "distribution-create", "distribution-delete", "distribution-list-put", "distribution-update-v3"] },
        { Toolsets.Rules, ["rule-create", "rule-delete", "rule-get", "rule-list", "rule-modify"] },
        { Toolsets.Meetings, ["meeting-activity", "meeting-cancel", "meeting-export-v2-put", "meeting-get", "meeting-list-put", "meeting-noshow"] },
        { Toolsets.Scheduling, ["availability-slots", "scheduling-link-init", "scheduling-link-list-admin-one-on-one", "scheduling-link-list-group", "scheduling-link-list-ownership", "scheduling-link-list-personal", "scheduling-link-list-round-robin", "scheduling-link-schedule"] },
        { Toolsets.Handoff, ["handoff-init", "handoff-schedule"] },
        { Toolsets.Concierge, ["concierge-list-routers", "concierge-logs", "concierge-route", "concierge-route-by-slug", "concierge-schedule"] },
        { Toolsets.Distro, ["distro-list-routers", "resource-scheduler-run"] },
        { Toolsets.Crm, ["crm-activity", "crm-cancel", "crm-get", "crm-noshow"] },
    };

    [Theory]
    [MemberData(nameof(VendorToolsByToolset))]
    public void Each_toolset_holds_exactly_the_vendor_tools(string toolset, string[] expected)
    {
        var actual = ToolCatalog.CreateDefault().Entries.Where(e => e.Toolset == toolset).Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual);
    }

    [Fact]
    public void The_catalog_has_54_tools_per_upstream()
    {
        var entries = ToolCatalog.CreateDefault().Entries;

        Assert.Equal(54, entries.Count(e => e.Upstream == Upstream.PilotStatus));
        Assert.Equal(54, entries.Count(e => e.Upstream == Upstream.ChiliPiper));
        Assert.Equal(Toolsets.All.Keys.Order(StringComparer.Ordinal), VendorToolsByToolset.Select(row => row.Data.Item1).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Every_Pilot_Status_tool_declares_its_key_scope_and_says_it(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        if (entry.Upstream != Upstream.PilotStatus)
        {
            Assert.Null(entry.KeyScope);
            return;
        }

        Assert.NotNull(entry.KeyScope);
        var description = entry.Tool.ProtocolTool.Description ?? "";
        // An "either" tool names both kinds, so the model knows its tenant key works as well as a number key.
        string[] expected = entry.KeyScope switch
        {
            KeyScope.Number => ["number"],
            KeyScope.Tenant => ["tenant"],
            _ => ["tenant", "number"],
        };
        Assert.All(expected, word => Assert.Contains(word, description, StringComparison.OrdinalIgnoreCase));
    }
}
