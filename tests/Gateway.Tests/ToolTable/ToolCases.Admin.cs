using Serverless.Sandbox.ChiliPiper;

namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    public static IEnumerable<ToolCase> Workspaces =>
    [
        new("workspace-list", "{}"),
        new("workspace-list", "{}", Key: CaseKey.ChiliPiperReadOnly, Label: "read-only token"),
        new("workspace-list", """{"pagination":{"pageSize":51}}""", "INVALID_ARGUMENT", Label: "pageSize over 50"),
        new("workspace-list-users", $$$"""{"workspaceId":"{{{A.Sales}}}"}"""),
        new("workspace-list-users", """{"workspaceId":"no-such-workspace"}""", "WorkspaceNotFound", Label: "unknown workspace"),
        new("workspace-add-users", $$$"""{"workspaceId":"{{{A.Sales}}}","userIds":["{{{A.Frank}}}"]}"""),
        new("workspace-add-users", $$$"""{"workspaceId":"{{{A.Sales}}}","userIds":[]}""", "INVALID_ARGUMENT", Label: "no users"),
        new("workspace-add-users", $$$"""{"workspaceId":"{{{A.Sales}}}","userIds":["no-such-user"]}""", "UserNotFound", Label: "unknown user"),
        new("workspace-add-users", $$$"""{"workspaceId":"{{{A.Sales}}}","userIds":["{{{A.Frank}}}"]}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        new("workspace-remove-users", $$$"""{"workspaceId":"{{{A.Sales}}}","userIds":["{{{A.Bob}}}"]}"""),
        new("workspace-remove-users", $$$"""{"workspaceId":" ","userIds":["{{{A.Bob}}}"]}""", "INVALID_ARGUMENT", Label: "blank workspace"),
        new("workspace-remove-users-all", $$$"""{"userIds":["{{{A.Bob}}}"]}"""),
        new("workspace-remove-users-all", $$$"""{"userIds":["{{{A.Bob}}}"]}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
    ];

    public static IEnumerable<ToolCase> Teams =>
    [
        new("team-list-put", "{}"),
        new("team-list-put", $$$"""{"workspaceIds":["{{{A.Sales}}}"],"member":["{{{A.Bob}}}"],"pagination":{"page":0,"pageSize":5}}""", Label: "filtered"),
        new("team-list-put", "{}", Key: CaseKey.ChiliPiperReadOnly, Label: "read-only token"),
        new("team-list-put", """{"pagination":{"page":-1}}""", "INVALID_ARGUMENT", Label: "negative page"),
        new("team-add-users", $$$"""{"teamId":"{{{ChiliPiperAdminSeed.EnterpriseTeamId}}}","userIds":["{{{A.Bob}}}"]}"""),
        new("team-add-users", $$$"""{"teamId":"no-such-team","userIds":["{{{A.Bob}}}"]}""", "TeamNotFound", Label: "unknown team"),
        new("team-add-users", $$$"""{"teamId":"{{{ChiliPiperAdminSeed.EnterpriseTeamId}}}","userIds":["{{{A.Bob}}}"]}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        new("team-remove-users", $$$"""{"teamId":"{{{ChiliPiperSeed.SalesTeamId}}}","userIds":["{{{A.Bob}}}"]}"""),
        new("team-remove-users", $$$"""{"teamId":"","userIds":["{{{A.Bob}}}"]}""", "INVALID_ARGUMENT", Label: "blank team"),
        new("team-remove-users-all", $$$"""{"userIds":["{{{A.Bob}}}"]}"""),
        new("team-remove-users-all", $$$"""{"userIds":["{{{A.Bob}}}"],"workspaceIds":["{{{A.Sales}}}"]}""", Label: "one workspace"),
        new("team-remove-users-all", """{"userIds":[" "]}""", "INVALID_ARGUMENT", Label: "blank user"),
    ];

    public static IEnumerable<ToolCase> Distributions =>
    [
        new("distribution-list-put", "{}"),
        new("distribution-list-put", $$$"""{"workspaceIds":["{{{A.Sales}}}"],"assignmentType":"Meeting","name":"round robin"}""", Label: "filtered"),
        new("distribution-list-put", "{}", Key: CaseKey.ChiliPiperReadOnly, Label: "read-only token"),
        new("distribution-create", $$$"""{"teamId":"{{{ChiliPiperSeed.SalesTeamId}}}","workspaceId":"{{{A.Sales}}}","name":"Demo booking RR","assignmentTypeConfig":{{{A.MeetingConfig}}},"weights":[{"userId":"{{{A.Bob}}}","weight":300}]}"""),
        new("distribution-create", $$$"""{"teamId":"{{{ChiliPiperSeed.SalesTeamId}}}","workspaceId":"{{{A.Sales}}}","name":"No type","assignmentTypeConfig":{"handling":{}} }""", "INVALID_ARGUMENT", Label: "untyped config"),
        new("distribution-create", $$$"""{"teamId":"no-such-team","workspaceId":"{{{A.Sales}}}","name":"X","assignmentTypeConfig":{"type":"Conversation"}}""", "TeamNotFound", Label: "unknown team"),
        new("distribution-create", $$$"""{"teamId":"{{{ChiliPiperSeed.SuccessTeamId}}}","workspaceId":"{{{A.Sales}}}","name":"X","assignmentTypeConfig":{"type":"Conversation"}}""", "TeamNotInWorkspace", Label: "team of another workspace"),
        new("distribution-create", $$$"""{"teamId":"{{{ChiliPiperSeed.SalesTeamId}}}","workspaceId":"{{{A.Sales}}}","name":"X","assignmentTypeConfig":{"type":"Conversation"}}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        new("distribution-update-v3", $$$"""{"distributionId":"{{{ChiliPiperSeed.SalesRoundRobinId}}}","body":{"name":"Sales demo round robin","assignmentTypeConfig":{{{A.MeetingConfig}}},"weights":[{"userId":"{{{A.Bob}}}","weight":100},{"userId":"{{{ChiliPiperSeed.CarolCloserId}}}","weight":0}]}}"""),
        new("distribution-update-v3", $$$"""{"distributionId":"no-such-distribution","body":{"name":"X","assignmentTypeConfig":{"type":"Conversation"}} }""", "DistributionNotFound", Label: "unknown id"),
        new("distribution-update-v3", $$$"""{"distributionId":"{{{ChiliPiperSeed.SalesRoundRobinId}}}","body":{"assignmentTypeConfig":{"type":"Conversation"}} }""", "INVALID_ARGUMENT", Label: "nameless replacement"),
        new("distribution-adjust-v3", $$$"""{"distributionId":"{{{ChiliPiperSeed.SalesRoundRobinId}}}","body":{"weights":[{"userId":"{{{A.Bob}}}","weight":50}]}}"""),
        new("distribution-adjust-v3", $$$"""{"distributionId":"{{{ChiliPiperSeed.SalesRoundRobinId}}}","body":{"weights":[{"userId":"{{{A.Bob}}}","weight":-101}]}}""", "INVALID_ARGUMENT", Label: "weight below zero"),
        new("distribution-adjust-v3", $$$"""{"distributionId":"no-such-distribution","body":{"weights":[{"userId":"{{{A.Bob}}}","weight":1}]}}""", "DistributionNotFound", Label: "unknown id"),
        new("distribution-adjust-v3", $$$"""{"distributionId":"{{{ChiliPiperSeed.SalesRoundRobinId}}}","body":{"weights":[{"userId":"{{{A.Bob}}}","weight":1}]}}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        new("distribution-delete", $$$"""{"distributionId":"{{{ChiliPiperAdminSeed.InboundLeadsDistributionId}}}"}"""),
        new("distribution-delete", """{"distributionId":"no-such-distribution"}""", "DistributionNotFound", Label: "unknown id"),
        new("distribution-delete", $$$"""{"distributionId":"{{{ChiliPiperAdminSeed.InboundLeadsDistributionId}}}"}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
    ];

    public static IEnumerable<ToolCase> Rules =>
    [
        new("rule-list", "{}"),
        new("rule-list", $$$"""{"filter":{"workspaceId":"{{{A.Sales}}}","type":["NonOwnershipRule"],"ruleBuilderVersion":["ExplicitV1"]},"pagination":{"pageSize":10}}""", Label: "filtered"),
        new("rule-list", """{"filter":{"type":["Legacy"]}}""", "INVALID_ARGUMENT", Label: "unknown type"),
        new("rule-get", $$$"""{"ruleId":"{{{ChiliPiperAdminSeed.EnterpriseUsRuleId}}}"}"""),
        new("rule-get", """{"ruleId":"no-such-rule"}""", "RuleNotFound", Label: "unknown id"),
        new("rule-create", $$$"""{"dto":{{{A.CountryRule}}}}"""),
        new("rule-create", $$$"""{"dto":{"type":"CreateOwnershipRuleRequest","workspaceId":"{{{A.Sales}}}","name":"Owner","teamId":"{{{ChiliPiperSeed.SalesTeamId}}}","conditions":{"type":"OwnershipCondition","conditionId":"o1"}} }""",
            "OwnershipConditionMissingReference", Label: "ownership without reference"),
        new("rule-create", $$$"""{"dto":{"type":"CreateRuleRequest","workspaceId":"{{{A.Sales}}}","name":"Untyped","conditions":{"id":"g","operator":"and","conditions":[]}} }""", "INVALID_ARGUMENT", Label: "untyped conditions"),
        new("rule-create", $$$"""{"dto":{{{A.CountryRule}}}}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        new("rule-modify", $$$"""{"ruleId":"{{{ChiliPiperAdminSeed.BrazilRuleId}}}","revision":1,"dto":{{{A.CountryRule}}}}"""),
        new("rule-modify", $$$"""{"ruleId":"{prev:id}","revision":2,"dto":{{{A.CountryRule}}}}""", "RevisionConflict", Label: "stale revision",
            Before: [new("rule-create", $$$"""{"dto":{{{A.CountryRule}}}}""")]),
        new("rule-modify", $$$"""{"ruleId":"{{{ChiliPiperAdminSeed.BrazilRuleId}}}","revision":0,"dto":{{{A.CountryRule}}}}""", "INVALID_ARGUMENT", Label: "revision 0"),
        new("rule-delete", $$$"""{"ruleId":"{{{ChiliPiperAdminSeed.BrazilRuleId}}}","revision":1}"""),
        new("rule-delete", $$$"""{"ruleId":"{{{ChiliPiperAdminSeed.BrazilRuleId}}}","revision":3}""", "RevisionConflict", Label: "stale revision"),
        new("rule-delete", $$$"""{"ruleId":"{{{ChiliPiperAdminSeed.BrazilRuleId}}}","revision":1}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
    ];
}

/// <summary>Ids and bodies the admin rows share; file-local so they cannot clash with other areas' rows.</summary>
file static class A
{
    public const string Sales = ChiliPiperSeed.SalesWorkspaceId;
    public const string Bob = ChiliPiperSeed.BobSellerId;
    public const string Frank = ChiliPiperSeed.FrankNewhireId;

    public const string MeetingConfig = """{"type":"Meeting","handling":{"type":"Flexible","reassignmentType":"AnyTeamMember","allowPickingAssignee":false},"limits":{"type":"MeetingLimitUnset"}}""";

    public const string CountryRule = $$$"""
        {"type":"CreateRuleRequest","workspaceId":"{{{A.Sales}}}","name":"Leads from Chile",
         "conditions":{"type":"ConditionGroup","id":"g1","operator":"and","conditions":[
           {"type":"StaticValueCondition","conditionId":"c1","dataReference":{"source":"DF","object":"Form","field":"Country"},"operator":"equal","value":"Chile"}]}}
        """;
}
