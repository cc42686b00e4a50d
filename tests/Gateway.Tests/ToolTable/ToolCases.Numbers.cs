namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    public static IEnumerable<ToolCase> Numbers =>
    [
        new("numbers_list", "{}", Key: CaseKey.Tenant),
        new("numbers_list", "{}", Key: CaseKey.MetaNumber, Label: "number key"),
        new("numbers_get", """{"id":"num_sandbox_1","refresh":true}""", Key: CaseKey.Tenant),
        new("numbers_get", """{"id":"num_missing"}""", "NUMBER_NOT_FOUND", CaseKey.Tenant, "unknown id"),
        new("numbers_create", """{"name":"Sales","number":"+5511912345678"}""", Key: CaseKey.Tenant),
        new("numbers_create", """{"name":"Sales","number":"+5511912345678","linkToApiKey":true}""", Key: CaseKey.EvolutionNumber, Label: "number key"),
        new("numbers_create", """{"name":"Sales","number":"12345"}""", "INVALID_ARGUMENT", CaseKey.Tenant, "short number"),
        new("numbers_create", """{"name":"Store again","number":"+5511900000001"}""", "NUMBER_ALREADY_EXISTS", CaseKey.Tenant, "number in the account"),
        new("numbers_status", """{"id":"num_sandbox_2"}""", Key: CaseKey.Tenant),
        new("numbers_status", """{"id":"{prev:id}"}""", Key: CaseKey.Tenant, Label: "created number",
            Before: [new("numbers_create", """{"name":"Sales","number":"+5511912345678"}""")]),
        new("numbers_connect", """{"id":"{prev:numberId}"}""", Key: CaseKey.Tenant,
            Before: [new("numbers_remote_pairing", """{"name":"Sales","number":"+5511912345678"}""")]),
        new("numbers_connect", """{"id":"num_sandbox_2"}""", "NUMBER_ALREADY_CONNECTED", CaseKey.Tenant, "already OPEN"),
        new("numbers_connect", """{"id":"num_sandbox_1"}""", "NOT_SUPPORTED_FOR_META", CaseKey.Tenant, "Meta number"),
        new("numbers_delete", """{"id":"{prev:id}"}""", Key: CaseKey.Tenant,
            Before: [new("numbers_create", """{"name":"Temp","number":"+5511912345678"}""")]),
        new("numbers_delete", """{"id":"num_missing"}""", "NUMBER_NOT_FOUND", CaseKey.Tenant, "unknown id"),
        new("numbers_remote_pairing", """{"name":"Field team","number":"+5521912345678","sendViaWhatsApp":true}""", Key: CaseKey.Tenant),
        new("numbers_remote_pairing", """{"provider":"META","metaFlow":"embedded","branding":{"companyName":"Acme"}}""", Key: CaseKey.Tenant, Label: "META"),
        new("numbers_remote_pairing", """{"number":"+5521912345678"}""", "INVALID_ARGUMENT", CaseKey.Tenant, "no name"),
        new("numbers_check", """{"numbers":["+55 31 95555-4444","+5511912340000"],"number":"5511988887777"}""", Key: CaseKey.EvolutionNumber),
        new("numbers_check", """{"number":"+5511988887777"}""", "NOT_SUPPORTED_FOR_META", CaseKey.MetaNumber, "Meta number"),
        new("numbers_check", """{"number":"+5511988887777"}""", "TENANT_SCOPE_NOT_ALLOWED", CaseKey.Tenant, "tenant key"),
        new("numbers_check", "{}", "VALIDATION_ERROR", CaseKey.EvolutionNumber, "nothing to check"),
    ];
}
