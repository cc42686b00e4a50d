namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    private const string SeededGroup = "120363000000000001@g.us";

    public static IEnumerable<ToolCase> Groups =>
    [
        new("groups_list", "{}", Key: CaseKey.EvolutionNumber),
        new("groups_list", "{}", "META_GROUPS_NOT_ELIGIBLE", CaseKey.MetaNumber, "Meta number"),
        new("groups_list", "{}", "TENANT_SCOPE_NOT_ALLOWED", CaseKey.Tenant, "tenant key"),
        new("groups_list", "{}", "WHATSAPP_INSTANCE_NOT_CONNECTED", CaseKey.EvolutionNumber, "key moved to a disconnected number",
            Before: [new("numbers_remote_pairing", """{"name":"Field team","number":"+5511912340001"}""")]),
        new("groups_create", """{"subject":"Launch team","participants":["+5511988887777","5521966665555"]}""", Key: CaseKey.EvolutionNumber),
        new("groups_create", """{"subject":"Launch team","participants":["12"]}""", "INVALID_ARGUMENT", CaseKey.EvolutionNumber, "bad participant"),
        new("groups_create", """{"subject":"Launch team"}""", "META_GROUPS_NOT_ELIGIBLE", CaseKey.MetaNumber, "Meta number"),
        new("group_info", $$"""{"groupId":"{{SeededGroup}}"}""", Key: CaseKey.EvolutionNumber),
        new("group_info", """{"groupId":"{prev:id}"}""", Key: CaseKey.EvolutionNumber, Label: "created group",
            Before: [new("groups_create", """{"subject":"Launch team"}""")]),
        new("group_info", """{"groupId":"120363999999999999@g.us"}""", "GROUP_NOT_FOUND", CaseKey.EvolutionNumber, "unknown group"),
        new("group_info", """{"groupId":"120363000000000001"}""", "INVALID_ARGUMENT", CaseKey.EvolutionNumber, "not a group id"),
        new("group_participants_add", $$"""{"groupId":"{{SeededGroup}}","participants":["+5511988887777"]}""", Key: CaseKey.EvolutionNumber),
        new("group_participants_add", $$"""{"groupId":"{{SeededGroup}}","participants":[]}""", "INVALID_ARGUMENT", CaseKey.EvolutionNumber, "no participants"),
        new("group_participants_add", $$"""{"groupId":"{{SeededGroup}}","participants":["+5511988887777"]}""", "META_GROUPS_NOT_ELIGIBLE", CaseKey.MetaNumber, "Meta number"),
        new("group_participants_remove", $$"""{"groupId":"{{SeededGroup}}","participants":["+5541944443333"]}""", Key: CaseKey.EvolutionNumber),
        new("group_participants_remove", $$"""{"groupId":"{{SeededGroup}}","participants":["not a phone"]}""", "INVALID_ARGUMENT", CaseKey.EvolutionNumber, "bad participant"),
        new("group_participants_promote", $$"""{"groupId":"{{SeededGroup}}","participants":["+5541944443333"]}""", Key: CaseKey.EvolutionNumber),
        new("group_participants_promote", """{"groupId":"120363999999999999@g.us","participants":["+5541944443333"]}""", "GROUP_NOT_FOUND", CaseKey.EvolutionNumber, "unknown group"),
        new("group_participants_demote", $$"""{"groupId":"{{SeededGroup}}","participants":["+5531955554444"]}""", Key: CaseKey.EvolutionNumber),
        new("group_participants_demote", $$"""{"groupId":"{{SeededGroup}}","participants":["+5531955554444"]}""", "TENANT_SCOPE_NOT_ALLOWED", CaseKey.Tenant, "tenant key"),
        new("group_invite", $$"""{"groupId":"{{SeededGroup}}"}""", Key: CaseKey.EvolutionNumber),
        new("group_invite", $$"""{"groupId":"{{SeededGroup}}"}""", "META_GROUPS_NOT_ELIGIBLE", CaseKey.MetaNumber, "Meta number"),
        new("group_pin", $$"""{"groupId":"{{SeededGroup}}","messageId":"msg_sandbox_group_1","duration":"24h"}""", Key: CaseKey.EvolutionNumber),
        new("group_pin", $$"""{"groupId":"{{SeededGroup}}","messageId":"{prev:id}"}""", Key: CaseKey.EvolutionNumber, Label: "own send",
            Before: [new("messages_send", $$"""{"groupId":"{{SeededGroup}}","text":"Maintenance moved to 23:30 UTC."}""")]),
        new("group_pin", $$"""{"groupId":"{{SeededGroup}}","messageId":"msg_missing"}""", "MESSAGE_NOT_FOUND", CaseKey.EvolutionNumber, "unknown message"),
        new("newsletters_list", "{}", Key: CaseKey.EvolutionNumber),
        new("newsletters_list", "{}", "NOT_SUPPORTED_FOR_META", CaseKey.MetaNumber, "Meta number"),
    ];
}
