using Serverless.Sandbox.PilotStatus;

namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    private const string Media = $$"""{"mediaId":"{{AccountSeed.MediaImageId}}","phoneNumberId":"{{AccountSeed.MetaPhoneNumberId1}}"}""";

    public static IEnumerable<ToolCase> Account =>
    [
        new("api_keys_list", "{}", Key: CaseKey.Tenant),
        new("api_keys_list", """{"reveal":true}""", Key: CaseKey.Tenant, Label: "revealed"),
        new("api_keys_list", "{}", "NUMBER_SCOPE_NOT_ALLOWED", CaseKey.MetaNumber, "number key"),

        new("api_keys_regenerate_number", $$"""{"whatsappNumberId":"{{PilotStatusSeed.NumberId2}}"}""", Key: CaseKey.Tenant),
        new("api_keys_regenerate_number", """{"whatsappNumberId":"num_missing"}""", "NUMBER_NOT_FOUND", CaseKey.Tenant, "unknown number"),
        new("api_keys_regenerate_number", """{"whatsappNumberId":" "}""", "INVALID_ARGUMENT", CaseKey.Tenant, "blank id"),
        new("api_keys_regenerate_number", $$"""{"whatsappNumberId":"{{PilotStatusSeed.NumberId1}}"}""", "NUMBER_SCOPE_NOT_ALLOWED", CaseKey.MetaNumber, "number key"),

        new("subscription_extra_numbers_get", """{"quantity":2}""", Key: CaseKey.Tenant),
        new("subscription_extra_numbers_get", """{"quantity":0}""", "INVALID_ARGUMENT", CaseKey.Tenant, "quantity 0"),
        new("subscription_extra_numbers_get", "{}", "NUMBER_SCOPE_NOT_ALLOWED", CaseKey.EvolutionNumber, "number key"),

        new("subscription_extra_numbers_add", """{"quantity":1,"confirm":true}""", Key: CaseKey.Tenant),
        new("subscription_extra_numbers_add", """{"quantity":1}""", "CONFIRMATION_REQUIRED", CaseKey.Tenant, "unconfirmed conversion"),
        new("subscription_extra_numbers_add", """{"quantity":-1,"confirm":true}""", "INVALID_ARGUMENT", CaseKey.Tenant, "negative quantity"),
        new("subscription_extra_numbers_add", """{"confirm":true}""", "NUMBER_SCOPE_NOT_ALLOWED", CaseKey.MetaNumber, "number key"),

        new("billing_checkout", """{"purpose":"wallet_topup","amount":100,"successUrl":"https://example.com/paid"}""", Key: CaseKey.Tenant),
        new("billing_checkout", """{"purpose":"add_card"}""", Key: CaseKey.Tenant, Label: "add card"),
        new("billing_checkout", """{"purpose":"wallet_topup"}""", "INVALID_ARGUMENT", CaseKey.Tenant, "top-up without amount"),
        new("billing_checkout", """{"purpose":"add_card","cancelUrl":"http://example.com/back"}""", "INVALID_ARGUMENT", CaseKey.Tenant, "plain http url"),
        new("billing_checkout", """{"purpose":"add_card"}""", "NUMBER_SCOPE_NOT_ALLOWED", CaseKey.MetaNumber, "number key"),

        new("branding_get", "{}", Key: CaseKey.Tenant),
        new("branding_get", "{}", "NUMBER_SCOPE_NOT_ALLOWED", CaseKey.MetaNumber, "number key"),

        new("branding_upsert", """{"companyName":"Acme","backgroundColor":"#FFFFFF","clear":["primaryColor"]}""", Key: CaseKey.Tenant),
        new("branding_upsert", """{"primaryColor":"green"}""", "INVALID_ARGUMENT", CaseKey.Tenant, "colour name"),
        new("branding_upsert", """{"logoUrl":"https://example.com/logo.png","clear":["logoUrl"]}""", "INVALID_ARGUMENT", CaseKey.Tenant, "set and clear"),
        new("branding_upsert", """{"companyName":"Acme"}""", "NUMBER_SCOPE_NOT_ALLOWED", CaseKey.MetaNumber, "number key"),

        new("analytics_dashboard", """{"period":"7d","tz":"America/Sao_Paulo"}"""),
        new("analytics_dashboard", "{}", "TENANT_SCOPE_NOT_ALLOWED", CaseKey.Tenant, "tenant key"),
        new("analytics_dashboard", """{"tz":"Brasilia"}""", "INVALID_ARGUMENT", Label: "not an IANA zone"),

        new("media_get", Media),
        new("media_get", Media, "TENANT_SCOPE_NOT_ALLOWED", CaseKey.Tenant, "tenant key"),
        new("media_get", $$"""{"mediaId":"1090000000009999","phoneNumberId":"{{AccountSeed.MetaPhoneNumberId1}}"}""", "MEDIA_NOT_FOUND", Label: "unknown media"),
        new("media_get", $$"""{"mediaId":"{{AccountSeed.MediaImageId}}","phoneNumberId":"109000000000999"}""", "VALIDATION_ERROR", Label: "another number's phoneNumberId"),
        new("media_get", Media, "VALIDATION_ERROR", CaseKey.EvolutionNumber, "QR-paired number"),
        new("media_get", $$"""{"mediaId":"{{AccountSeed.MediaImageId}}","phoneNumberId":"{{PilotStatusSeed.PhoneNumber1}}"}""", "INVALID_ARGUMENT", Label: "phone number instead of id"),
    ];
}
