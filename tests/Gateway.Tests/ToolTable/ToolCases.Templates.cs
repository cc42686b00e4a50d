namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    private const string PromoBody = """{"header":{"type":"IMAGE","url":"https://example.com/promo.png"},"body":{"text":"Hi {{name}}, use code {{code}} this week."},"footer":{"text":"Sandbox Store"},"buttons":[{"type":"URL","text":"Shop","url":"https://example.com/shop/{{slug}}"}]}""";
    private const string PromoExamples = """{"name":"Maria","code":"SPRING10","slug":"spring"}""";

    public static IEnumerable<ToolCase> Templates =>
    [
        new("templates_list", "{}"),
        new("templates_list", "{}", Key: CaseKey.EvolutionNumber, Label: "evolution number"),
        new("templates_list", "{}", "TENANT_SCOPE_NOT_ALLOWED", CaseKey.Tenant, "tenant key"),
        new("templates_get", """{"id":"order_update"}"""),
        new("templates_get", """{"id":"tpl_sandbox_welcome"}""", Key: CaseKey.EvolutionNumber, Label: "by id"),
        new("templates_get", """{"id":"welcome"}""", "TEMPLATE_NOT_FOUND", Label: "other number's template"),
        new("templates_create", $$"""{"name":"spring sale","category":"MARKETING","language":"en_US","body":{{PromoBody}},"examples":{{PromoExamples}}}"""),
        new("templates_create", """{"name":"greeting","body":"Hello from Sandbox Support, how can we help?"}""", Key: CaseKey.EvolutionNumber, Label: "plain text on evolution"),
        new("templates_create", $$"""{"name":"spring_sale","examples":{"name":"Maria"},"body":{{PromoBody}}}""", "TEMPLATE_EXAMPLES_REQUIRED", Label: "missing examples"),
        new("templates_create", """{"name":"banner","body":{"header":{"type":"IMAGE","base64":"data:image/png;base64,iVBORw0KGgo="},"body":{"text":"Hello there."}}}""", "INVALID_ARGUMENT", Label: "base64 header"),
        new("templates_create", """{"name":"order_update","body":"Your order has shipped, thanks."}""", "TEMPLATE_ALREADY_EXISTS", Label: "duplicate name"),
        new("templates_create", """{"name":"short_link","body":"Track your order at https://bit.ly/abc123 today."}""", "META_TEMPLATE_SUBMIT_FAILED", Label: "meta rejects short links"),
        new("templates_create", """{"name":"otp","category":"OTP","body":"Hello"}""", "TENANT_SCOPE_NOT_ALLOWED", CaseKey.Tenant, "tenant key"),
        new("templates_update", """{"id":"order_update","body":{"body":{"text":"Hi {{name}}, order {{order}} is on its way."}},"examples":{"name":"Ana","order":"A-1"}}"""),
        new("templates_update", """{"id":"missing","body":"Hello there."}""", "TEMPLATE_NOT_FOUND", Label: "unknown template"),
        new("templates_update", """{"id":"order_update","category":"MARKETING","body":"Hello there."}""", "VALIDATION_ERROR", Label: "category change"),
        new("templates_update", """{"id":"order_update","body":"{{name}} hello"}""", "INVALID_ARGUMENT", Label: "starts with a variable"),
        new("templates_delete", """{"id":"spring_promo"}"""),
        new("templates_delete", """{"id":"missing"}""", "TEMPLATE_NOT_FOUND", Label: "unknown template"),
    ];
}
