namespace Serverless.Tools.ChiliPiper;

/// <summary>Chili Piper routing rules (ExplicitV1), which routers evaluate to pick a path.</summary>
[McpServerToolType]
[Toolset(Toolsets.Rules)]
public sealed class RuleTools(RulesClient client)
{
    private const int MaxPageSize = 200;
    private static readonly string[] RuleTypes = ["NonOwnershipRule", "OwnershipRule"];

    [McpServerTool(Name = "rule-list", Title = "List routing rules", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List active routing rules, optionally by workspace, name or type. Returns {results, total, page, pageSize}; each rule has type (NonOwnershipRule or OwnershipRule), id, workspaceId, name, conditions, ruleBuilderVersion, metadata.revision and teamId for ownership rules. Call it (or rule-get) right before rule-modify or rule-delete to get a fresh revision.")]
    public Task<CallToolResult> ListRules(
        [Description("Filters: {workspaceId?, name?, type?: [NonOwnershipRule|OwnershipRule], ruleBuilderVersion?: [ExplicitV1]}.")] RuleFilter? filter = null,
        [Description("Paging: page from 0, pageSize 1 to 200 (default 200).")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var types = AdminArguments.OptionalIds(filter?.Type, "filter.type");
            if (types?.FirstOrDefault(t => !RuleTypes.Contains(t)) is { } unknownType)
            {
                throw new ToolArgumentException("filter.type", $"Unknown rule type '{unknownType}'; use NonOwnershipRule or OwnershipRule.");
            }

            if (AdminArguments.OptionalIds(filter?.RuleBuilderVersion, "filter.ruleBuilderVersion")?.FirstOrDefault(v => v != "ExplicitV1") is { } version)
            {
                throw new ToolArgumentException("filter.ruleBuilderVersion", $"Only ExplicitV1 rules are served by this API; '{version}' cannot match.");
            }

            var response = await client.ListRulesAsync(
                AdminArguments.OptionalText(filter?.WorkspaceId), AdminArguments.OptionalText(filter?.Name),
                Arguments.Paging(pagination, MaxPageSize), cancellationToken);
            if (types is null || response.Body is not JsonObject page || page["results"] is not JsonArray rules)
            {
                return ToolResults.Success(response.Body);
            }

            // The REST list has no type filter, so it applies to the page Chili Piper returned.
            var filtered = (JsonObject)page.DeepClone();
            filtered["results"] = new JsonArray([.. rules.Where(r => types.Contains(r?["type"]?.GetValue<string>())).Select(r => r!.DeepClone())]);
            return ToolResults.Success(filtered, "The type filter was applied to this page only; total counts rules of every type.");
        });

    [McpServerTool(Name = "rule-get", Title = "Get a routing rule", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read one routing rule with its conditions and metadata.revision, the value rule-modify and rule-delete need. Deleted rules are not found.")]
    public Task<CallToolResult> GetRule(
        [Description("The rule id (from rule-list).")] string ruleId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetRuleAsync(Arguments.NotBlank(ruleId, nameof(ruleId)), cancellationToken)).Body));

    [McpServerTool(Name = "rule-create", Title = "Create a routing rule", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Create a routing rule; it is live at once (revision 1), with no dry run. dto: {type:CreateRuleRequest, workspaceId, name, conditions} or {type:CreateOwnershipRuleRequest, workspaceId, name, conditions, teamId}. Every condition node needs its type: ConditionGroup{id, operator and|or, conditions[]}, StaticValueCondition{conditionId, dataReference{source, object, field}, operator, value}, SingleParameterCondition{..., operator empty|notEmpty}, OwnershipCondition{conditionId, ownership{source, object, field}}. Copying conditions from rule-list is safest.")]
    public Task<CallToolResult> CreateRule(
        [Description("The rule definition: an object whose type names the variant (CreateRuleRequest or CreateOwnershipRuleRequest) with workspaceId, name and conditions.")] JsonElement dto,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.CreateRuleAsync(AdminArguments.RuleDto(dto), cancellationToken)).Body));

    [McpServerTool(Name = "rule-modify", Title = "Replace a routing rule", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Replace the name and conditions of a rule (no merge) and put it live. Needs the current metadata.revision of the rule from rule-get or rule-list; if someone changed the rule since, Chili Piper refuses with 409: re-read that rule and retry it alone. dto has the same shape as for rule-create. Returns the rule with its new revision.")]
    public Task<CallToolResult> ModifyRule(
        [Description("The rule id.")] string ruleId,
        [Description("Current metadata.revision of the rule, as just read.")] int revision,
        [Description("The new definition, same variants as rule-create: an object with type, workspaceId, name and conditions.")] JsonElement dto,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.NotBlank(ruleId, nameof(ruleId));
            Arguments.InRange(revision, 1, int.MaxValue, nameof(revision));
            return ToolResults.Success((await client.ModifyRuleAsync(id, revision, AdminArguments.RuleDto(dto), cancellationToken)).Body);
        });

    [McpServerTool(Name = "rule-delete", Title = "Delete a routing rule", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Delete a routing rule (a soft delete: it disappears from lists and routing). Needs the current metadata.revision of the rule; a stale one is refused with 409, then re-read the rule with rule-get and retry. Routers that reference the rule should be updated first.")]
    public Task<CallToolResult> DeleteRule(
        [Description("The rule id.")] string ruleId,
        [Description("Current metadata.revision of the rule, as just read.")] int revision,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.NotBlank(ruleId, nameof(ruleId));
            Arguments.InRange(revision, 1, int.MaxValue, nameof(revision));
            var response = await client.DeleteRuleAsync(id, revision, cancellationToken);
            return ToolResults.Success(response.Body ?? new JsonObject { ["ruleId"] = id, ["deleted"] = true });
        });
}
