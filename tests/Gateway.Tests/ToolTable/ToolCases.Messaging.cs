namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    public static IEnumerable<ToolCase> Messaging =>
    [
        new("messages_send", """{"destinationNumber":"+5511988887777","templateId":"order_update","variables":{"name":"Ana","order":"A-1"}}"""),
        new("messages_send", """{"destinationNumber":"+5511988887777","text":"hi"}""", "TENANT_SCOPE_NOT_ALLOWED", CaseKey.Tenant, "tenant key"),
        new("messages_send", """{"destinationNumber":"5511","text":"hi"}""", "INVALID_ARGUMENT", Label: "not E.164"),
        new("message_get", """{"messageId":"{prev:id}"}""",
            Before: [new("messages_send", """{"destinationNumber":"+5511988887777","templateId":"order_update","variables":{"name":"Ana","order":"A-1"}}""")]),
        new("message_get", """{"messageId":"msg_missing"}""", "MESSAGE_NOT_FOUND", Label: "unknown id"),
        new("messages_cancel", """{"messageIds":["{prev:id}"]}""",
            Before: [new("messages_send", """{"destinationNumber":"+5511988887777","templateId":"order_update","variables":{"name":"Ana","order":"A-1"},"deliverAt":"2099-01-01T00:00:00Z"}""")]),
        new("messages_cancel", """{"messageIds":[]}""", "INVALID_ARGUMENT", Label: "no ids"),
        new("messages_group", "{}", Key: CaseKey.EvolutionNumber),
        new("messages_group", """{"startDate":"2026-02-01T00:00:00Z","endDate":"2026-01-01T00:00:00Z"}""", "INVALID_DATE_RANGE", CaseKey.EvolutionNumber, "reversed dates"),
        new("messages_unread", "{}"),
        new("conversations_list", "{}"),
        new("conversations_list", """{"pageSize":500}""", "INVALID_ARGUMENT", Label: "pageSize too big"),
    ];
}
