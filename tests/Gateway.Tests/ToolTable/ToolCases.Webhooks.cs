namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    // Receiver URLs are on a reserved documentation domain, which the twin never contacts.
    private const string WebhookCreateArguments = """{"url":"https://hooks.example.com/table","events":["message.delivered"]}""";

    public static IEnumerable<ToolCase> Webhooks =>
    [
        new("webhooks_list", "{}"),
        new("webhooks_list", "{}", Key: CaseKey.Tenant, Label: "tenant key sees the account"),
        new("webhook_get", """{"id":"wh_sandbox_store"}"""),
        new("webhook_get", """{"id":"wh_sandbox_store"}""", "WEBHOOK_NOT_FOUND", CaseKey.EvolutionNumber, "other number's webhook"),
        new("webhook_get", """{"id":"wh_missing"}""", "WEBHOOK_NOT_FOUND", Label: "unknown id"),
        new("webhooks_create", WebhookCreateArguments),
        new("webhooks_create", """{"url":"https://hooks.example.com/t","events":["*"],"whatsappNumberId":"num_sandbox_2"}""", Key: CaseKey.Tenant, Label: "tenant key names the number"),
        new("webhooks_create", """{"url":"https://hooks.example.com/t","events":["*"]}""", "NUMBER_REQUIRED", CaseKey.Tenant, "tenant key without number"),
        new("webhooks_create", """{"url":"https://hooks.example.com/t","events":["*"],"whatsappNumberId":"num_sandbox_2"}""", "NUMBER_MISMATCH", Label: "other number than the key's"),
        new("webhooks_create", """{"url":"https://hooks.example.com/t","events":["*"],"whatsappNumberId":"num_nowhere"}""", "NUMBER_NOT_FOUND", CaseKey.Tenant, "unknown number"),
        new("webhooks_create", """{"url":"ftp://hooks.example.com/t","events":["*"]}""", "INVALID_ARGUMENT", Label: "not http(s)"),
        new("webhooks_create", """{"url":"https://hooks.example.com/t","events":["message.opened"]}""", "INVALID_ARGUMENT", Label: "unknown event"),
        new("webhooks_update", """{"id":"{prev:id}","events":["*"],"active":false}""", Before: [new("webhooks_create", WebhookCreateArguments)]),
        new("webhooks_update", """{"id":"wh_sandbox_store","active":true}""", Key: CaseKey.Tenant, Label: "tenant key resumes the demo webhook"),
        new("webhooks_update", """{"id":"wh_sandbox_store"}""", "INVALID_ARGUMENT", Label: "nothing to change"),
        new("webhooks_update", """{"id":"wh_sandbox_store","active":true}""", "WEBHOOK_NOT_FOUND", CaseKey.EvolutionNumber, "other number's webhook"),
        new("webhooks_delete", """{"id":"{prev:id}"}""", Before: [new("webhooks_create", WebhookCreateArguments)]),
        new("webhooks_delete", """{"id":"wh_sandbox_store"}""", "WEBHOOK_NOT_FOUND", CaseKey.EvolutionNumber, "other number's webhook"),
        new("webhook_events", """{"id":"wh_sandbox_store","limit":2}"""),
        new("webhook_events", """{"id":"wh_sandbox_store","event":"message.received"}""", Key: CaseKey.Tenant, Label: "tenant key, event filter"),
        new("webhook_events", """{"id":"wh_sandbox_store","limit":0}""", "INVALID_ARGUMENT", Label: "limit too small"),
        new("webhook_events", """{"id":"wh_missing"}""", "WEBHOOK_NOT_FOUND", Label: "unknown id"),
    ];
}
