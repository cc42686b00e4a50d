using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.Tests.PilotStatus;

public sealed class AccountToolsTests
{
    private const string TenantKey = "ps_test_tenant";
    private const string RawKey1 = "ps_test_0123456789abcdef0123456789ab7a2f";
    private const string RawKey2 = "ps_test_fedcba9876543210fedcba98765443c1";

    private const string KeyList = $$"""
        [
          {"numberId":"num_1","number":"+5511900000001","displayName":"Store","keyId":"key_1","keyLast4":"7a2f","key":"{{RawKey1}}","revealable":true},
          {"numberId":"num_2","number":"+5511900000002","displayName":"Support","keyId":"key_2","keyLast4":"43c1","key":"{{RawKey2}}","revealable":true},
          {"numberId":"num_3","number":"+5511900000003","displayName":"Legacy","keyId":"key_3","keyLast4":"9999","key":null,"revealable":false}
        ]
        """;

    private static Task<ToolHarness> Tenant() => ToolHarness.StartAsync(new CallerCredentials { PilotStatusApiKey = TenantKey });

    private static System.Text.Json.JsonElement ArgumentError(ModelContextProtocol.Protocol.CallToolResult result)
    {
        var error = ResultAssert.Error(result);
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        return error;
    }

    private static string Whole(ModelContextProtocol.Protocol.CallToolResult result) =>
        result.StructuredContent!.Value.GetRawText() + "\n" + ResultAssert.Text(result);

    // api_keys_list

    [Fact]
    public async Task api_keys_list_masks_every_key_in_both_parts_of_the_result()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("GET /v1/api-keys", 200, KeyList);

        var result = await h.CallAsync("api_keys_list");

        var body = ResultAssert.Success(result);
        var items = body.GetProperty("result");
        Assert.Equal("ps_…7a2f", items[0].GetProperty("key").GetString());
        Assert.Equal("ps_…43c1", items[1].GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, items[2].GetProperty("key").ValueKind);
        Assert.Equal("key_1", items[0].GetProperty("keyId").GetString());
        Assert.DoesNotContain(RawKey1, Whole(result));
        Assert.DoesNotContain(RawKey2, Whole(result));
        Assert.Contains("reveal", body.GetProperty("_note").GetString());

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("/v1/api-keys", sent.Path);
        Assert.Equal("", sent.Query);
        Assert.Equal(TenantKey, sent.Header("x-api-key"));
    }

    [Fact]
    public async Task api_keys_list_masks_keys_inside_an_envelope_and_without_last4()
    {
        await using var h = await Tenant();
        const string raw = "ps_test_aaaabbbbccccdddd1234";
        h.Upstream.OnJson("GET /v1/api-keys", 200, $$"""{"apiKeys":[{"numberId":"num_1","key":"{{raw}}"}]}""");

        var result = await h.CallAsync("api_keys_list", new { reveal = false });

        var body = ResultAssert.Success(result);
        Assert.Equal("ps_…1234", body.GetProperty("apiKeys")[0].GetProperty("key").GetString());
        Assert.DoesNotContain(raw, Whole(result));
    }

    [Fact]
    public async Task api_keys_list_reveals_the_raw_keys_only_when_asked()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("GET /v1/api-keys", 200, KeyList);

        var body = ResultAssert.Success(await h.CallAsync("api_keys_list", new { reveal = true }));

        Assert.Equal(RawKey1, body.GetProperty("result")[0].GetProperty("key").GetString());
        Assert.Contains("live secrets", body.GetProperty("_note").GetString());
    }

    // api_keys_regenerate_number

    [Fact]
    public async Task api_keys_regenerate_number_posts_the_number_id_and_warns_the_key_is_shown_once()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("POST /v1/api-keys", 201,
            """{"id":"key_9","name":"Store","key":"ps_new_secret_value_1234","keyPrefix":"ps_new_","keyLast4":"1234","scope":"number","whatsappNumberId":"num_1","createdAt":"2026-01-01T00:00:00Z"}""");

        var body = ResultAssert.Success(await h.CallAsync("api_keys_regenerate_number", new { whatsappNumberId = " num_1 " }));

        Assert.Equal("ps_new_secret_value_1234", body.GetProperty("key").GetString());
        var note = body.GetProperty("_note").GetString()!;
        Assert.Contains("no longer works", note);
        Assert.Contains("only time", note);
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/v1/api-keys", sent.Path);
        Assert.Equal(TenantKey, sent.Header("x-api-key"));
        Assert.Equal("""{"whatsappNumberId":"num_1"}""", sent.Body);
    }

    [Fact]
    public async Task api_keys_regenerate_number_needs_a_number_id()
    {
        await using var h = await Tenant();

        var error = ArgumentError(await h.CallAsync("api_keys_regenerate_number", new { whatsappNumberId = " " }));

        Assert.Equal("whatsappNumberId", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    // subscription_extra_numbers_get / _add

    [Fact]
    public async Task subscription_extra_numbers_get_sends_the_quantity_as_query()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("GET /v1/subscription/extra-numbers", 200, """{"requiresConversion":true,"billedQuantity":4,"monthlyTotalBRL":199.6}""");

        var body = ResultAssert.Success(await h.CallAsync("subscription_extra_numbers_get", new { quantity = 3 }));

        Assert.True(body.GetProperty("requiresConversion").GetBoolean());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("/v1/subscription/extra-numbers", sent.Path);
        Assert.Equal("?quantity=3", sent.Query);
        Assert.Equal(TenantKey, sent.Header("x-api-key"));
    }

    [Fact]
    public async Task subscription_extra_numbers_get_leaves_the_default_quantity_to_the_api()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("GET /v1/subscription/extra-numbers", 200, """{"requested":1}""");

        ResultAssert.Success(await h.CallAsync("subscription_extra_numbers_get"));

        Assert.Equal("", h.Upstream.Single().Query);
    }

    [Theory]
    [InlineData("subscription_extra_numbers_get")]
    [InlineData("subscription_extra_numbers_add")]
    public async Task Extra_numbers_quantity_starts_at_one(string tool)
    {
        await using var h = await Tenant();

        var error = ArgumentError(await h.CallAsync(tool, new { quantity = 0 }));

        Assert.Equal("quantity", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task subscription_extra_numbers_add_posts_quantity_and_confirm_and_reports_the_charge()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("POST /v1/subscription/extra-numbers", 200,
            """{"success":true,"charged":true,"plan":"ON_DEMAND","paidExtraNumbers":2,"monthlyTotalBRL":149.7}""");

        var body = ResultAssert.Success(await h.CallAsync("subscription_extra_numbers_add", new { quantity = 2, confirm = true }));

        Assert.True(body.GetProperty("charged").GetBoolean());
        Assert.Contains("Charged", body.GetProperty("_note").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/v1/subscription/extra-numbers", sent.Path);
        Assert.Equal(TenantKey, sent.Header("x-api-key"));
        Assert.Equal("""{"quantity":2,"confirm":true}""", sent.Body);
    }

    [Fact]
    public async Task subscription_extra_numbers_add_without_a_card_says_nothing_is_charged_yet()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("POST /v1/subscription/extra-numbers", 200, """{"checkoutUrl":"https://checkout.stripe.com/c/pay/cs_1"}""");

        var body = ResultAssert.Success(await h.CallAsync("subscription_extra_numbers_add"));

        Assert.Contains("checkoutUrl", body.GetProperty("_note").GetString());
        Assert.Equal("{}", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task subscription_extra_numbers_add_unconfirmed_conversion_says_to_preview_and_confirm()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("POST /v1/subscription/extra-numbers", 409,
            """{"error":"Confirmation required","code":"CONFIRMATION_REQUIRED","details":{"requiresConversion":true}}""");

        var error = ResultAssert.Error(await h.CallAsync("subscription_extra_numbers_add", new { quantity = 1 }), "CONFIRMATION_REQUIRED", 409);

        var next = error.GetProperty("next").GetString()!;
        Assert.Contains("subscription_extra_numbers_get", next);
        Assert.Contains("confirm: true", next);
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task subscription_extra_numbers_add_is_never_retried()
    {
        await using var h = await ToolHarness.StartAsync(
            new CallerCredentials { PilotStatusApiKey = TenantKey }, new() { ["PilotStatus:MaxReadRetries"] = "3" });
        h.Upstream.OnJson("POST /v1/subscription/extra-numbers", 503, """{"error":"busy"}""");

        var error = ResultAssert.Error(await h.CallAsync("subscription_extra_numbers_add", new { quantity = 1, confirm = true }), status: 503);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }

    // billing_checkout

    [Fact]
    public async Task billing_checkout_wallet_topup_sends_the_amount_as_a_json_number()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("POST /v1/billing/checkout", 200,
            """{"url":"https://checkout.stripe.com/c/pay/cs_1","purpose":"wallet_topup","orderId":"cto_1","amount":50.5,"currency":"BRL"}""");

        var body = ResultAssert.Success(await h.CallAsync("billing_checkout", new
        {
            purpose = "wallet_topup", amount = 50.5, successUrl = "https://example.com/ok", cancelUrl = "https://example.com/cancel",
        }));

        Assert.Equal("cto_1", body.GetProperty("orderId").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/v1/billing/checkout", sent.Path);
        Assert.Equal(TenantKey, sent.Header("x-api-key"));
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("wallet_topup", json.RootElement.GetProperty("purpose").GetString());
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("amount").ValueKind);
        Assert.Equal(50.5m, json.RootElement.GetProperty("amount").GetDecimal());
        Assert.Equal("https://example.com/ok", json.RootElement.GetProperty("successUrl").GetString());
        Assert.Equal("https://example.com/cancel", json.RootElement.GetProperty("cancelUrl").GetString());
    }

    [Fact]
    public async Task billing_checkout_add_card_sends_only_the_purpose()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("POST /v1/billing/checkout", 200, """{"url":"https://checkout.stripe.com/c/pay/cs_2","purpose":"add_card","orderId":"cto_2","currency":"BRL"}""");

        ResultAssert.Success(await h.CallAsync("billing_checkout", new { purpose = "add_card" }));

        Assert.Equal("""{"purpose":"add_card"}""", h.Upstream.Single().Body);
    }

    public static TheoryData<string, string> InvalidCheckouts => new()
    {
        { """{"purpose":"wallet_topup"}""", "amount" },
        { """{"purpose":"wallet_topup","amount":0}""", "amount" },
        { """{"purpose":"wallet_topup","amount":-10}""", "amount" },
        { """{"purpose":"add_card","amount":10}""", "amount" },
        { """{"purpose":"add_card","successUrl":"http://example.com/ok"}""", "successUrl" },
        { """{"purpose":"add_card","cancelUrl":"not a url"}""", "cancelUrl" },
    };

    [Theory]
    [MemberData(nameof(InvalidCheckouts))]
    public async Task billing_checkout_refuses_invalid_arguments_without_calling_the_upstream(string arguments, string parameter)
    {
        await using var h = await Tenant();

        var error = ArgumentError(await h.CallAsync("billing_checkout", JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task billing_checkout_refuses_an_unknown_purpose_without_calling_the_upstream()
    {
        await using var h = await Tenant();

        var result = await h.CallAsync("billing_checkout", new { purpose = "donation", amount = 5 });

        Assert.True(result.IsError);
        Assert.Empty(h.Upstream.Requests);
    }

    // branding_get / branding_upsert

    [Fact]
    public async Task branding_get_reads_the_branding()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("GET /v1/branding", 200, """{"branding":{"companyName":"Acme","logoUrl":null}}""");

        var body = ResultAssert.Success(await h.CallAsync("branding_get"));

        Assert.Equal("Acme", body.GetProperty("branding").GetProperty("companyName").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("/v1/branding", sent.Path);
        Assert.Equal(TenantKey, sent.Header("x-api-key"));
    }

    [Fact]
    public async Task branding_upsert_sends_given_fields_nulls_for_cleared_ones_and_nothing_for_the_rest()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("PUT /v1/branding", 200, """{"branding":{"companyName":"Acme"}}""");

        ResultAssert.Success(await h.CallAsync("branding_upsert", new
        {
            companyName = "Acme", primaryColor = "#1A2b3C", supportUrl = "https://acme.example/help", hidePilotStatusBranding = true,
            clear = new[] { "logoUrl", "subtitle" },
        }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal("/v1/branding", sent.Path);
        Assert.Equal(TenantKey, sent.Header("x-api-key"));
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal("Acme", root.GetProperty("companyName").GetString());
        Assert.Equal("#1A2b3C", root.GetProperty("primaryColor").GetString());
        Assert.Equal("https://acme.example/help", root.GetProperty("supportUrl").GetString());
        Assert.True(root.GetProperty("hidePilotStatusBranding").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("logoUrl").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("subtitle").ValueKind);
        Assert.False(root.TryGetProperty("backgroundColor", out _));
        Assert.False(root.TryGetProperty("defaultRedirectUrl", out _));
        Assert.Equal(6, root.EnumerateObject().Count());
    }

    public static TheoryData<string, string> InvalidBrandings => new()
    {
        { """{"primaryColor":"green"}""", "primaryColor" },
        { """{"backgroundColor":"#FFF"}""", "backgroundColor" },
        { """{"logoUrl":"http://acme.example/logo.png"}""", "logoUrl" },
        { """{"supportUrl":"acme.example/help"}""", "supportUrl" },
        { """{"defaultRedirectUrl":"ftp://acme.example"}""", "defaultRedirectUrl" },
        { $$"""{"companyName":"{{new string('a', 61)}}"}""", "companyName" },
        { $$"""{"subtitle":"{{new string('a', 121)}}"}""", "subtitle" },
        { """{"subtitle":""}""", "subtitle" },
        { """{"companyName":"Acme","clear":["companyName"]}""", "clear" },
        { """{}""", "clear" },
    };

    [Theory]
    [MemberData(nameof(InvalidBrandings))]
    public async Task branding_upsert_refuses_invalid_arguments_without_calling_the_upstream(string arguments, string parameter)
    {
        await using var h = await Tenant();

        var error = ArgumentError(await h.CallAsync("branding_upsert", JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task branding_upsert_accepts_the_longest_allowed_texts()
    {
        await using var h = await Tenant();
        h.Upstream.OnJson("PUT /v1/branding", 200, """{"branding":{}}""");

        ResultAssert.Success(await h.CallAsync("branding_upsert", new { companyName = new string('a', 60), subtitle = new string('b', 120) }));
    }

    // analytics_dashboard

    [Fact]
    public async Task analytics_dashboard_sends_period_and_time_zone_with_the_number_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/analytics/dashboard", 200, """{"totalSent":3,"totalFailed":1,"dailyMessages":[]}""");

        var body = ResultAssert.Success(await h.CallAsync("analytics_dashboard", new { period = "7d", tz = "America/Sao_Paulo" }));

        Assert.Equal(3, body.GetProperty("totalSent").GetInt32());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("/v1/analytics/dashboard", sent.Path);
        Assert.Equal("?period=7d&tz=America%2FSao_Paulo", sent.Query);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
    }

    [Fact]
    public async Task analytics_dashboard_leaves_the_defaults_to_the_api()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/analytics/dashboard", 200, """{"totalSent":0}""");

        ResultAssert.Success(await h.CallAsync("analytics_dashboard"));

        Assert.Equal("", h.Upstream.Single().Query);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("GMT-3")]
    [InlineData("Eastern Standard Time")]
    public async Task analytics_dashboard_refuses_a_zone_that_is_not_iana(string tz)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ArgumentError(await h.CallAsync("analytics_dashboard", new { tz }));

        Assert.Equal("tz", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task analytics_dashboard_refuses_an_unknown_period()
    {
        await using var h = await ToolHarness.StartAsync();

        var result = await h.CallAsync("analytics_dashboard", new { period = "1y" });

        Assert.True(result.IsError);
        Assert.Empty(h.Upstream.Requests);
    }

    // media_get

    [Fact]
    public async Task media_get_escapes_the_media_id_and_sends_the_meta_phone_number_id()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/media/123%2F..%2F456", 200,
            """{"base64":"data:image/png;base64,iVBORw0KGgo=","mimeType":"image/png","fileName":null,"mediaId":"123/../456"}""");

        var body = ResultAssert.Success(await h.CallAsync("media_get", new { mediaId = "123/../456", phoneNumberId = "109000000000001" }));

        Assert.StartsWith("data:image/png;base64,", body.GetProperty("base64").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("?phoneNumberId=109000000000001", sent.Query);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
    }

    [Theory]
    [InlineData("", "109000000000001", "mediaId")]
    [InlineData("1090", "", "phoneNumberId")]
    [InlineData("1090", "+5511900000001", "phoneNumberId")]
    [InlineData("1090", "num_sandbox_1", "phoneNumberId")]
    public async Task media_get_refuses_missing_or_mistaken_ids(string mediaId, string phoneNumberId, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ArgumentError(await h.CallAsync("media_get", new { mediaId, phoneNumberId }));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    // Documented errors of the account endpoints, through the one mapping.

    public static TheoryData<string, string, string, int, string?, string> DocumentedErrors => new()
    {
        { "api_keys_list", "{}", "GET /v1/api-keys", 403, "NUMBER_SCOPE_NOT_ALLOWED", "tenant-scoped" },
        { "api_keys_list", "{}", "GET /v1/api-keys", 401, null, "re-authorise" },
        { "api_keys_regenerate_number", """{"whatsappNumberId":"num_x"}""", "POST /v1/api-keys", 403, "NUMBER_SCOPE_NOT_ALLOWED", "tenant-scoped" },
        { "api_keys_regenerate_number", """{"whatsappNumberId":"num_x"}""", "POST /v1/api-keys", 404, "NUMBER_NOT_FOUND", "number id" },
        { "api_keys_regenerate_number", """{"whatsappNumberId":"num_x"}""", "POST /v1/api-keys", 401, null, "re-authorise" },
        { "subscription_extra_numbers_get", "{}", "GET /v1/subscription/extra-numbers", 403, "NUMBER_SCOPE_NOT_ALLOWED", "tenant-scoped" },
        { "subscription_extra_numbers_get", "{}", "GET /v1/subscription/extra-numbers", 401, null, "re-authorise" },
        { "subscription_extra_numbers_add", "{}", "POST /v1/subscription/extra-numbers", 409, "CONFIRMATION_REQUIRED", "confirm: true" },
        { "subscription_extra_numbers_add", "{}", "POST /v1/subscription/extra-numbers", 403, "NUMBER_SCOPE_NOT_ALLOWED", "tenant-scoped" },
        { "subscription_extra_numbers_add", "{}", "POST /v1/subscription/extra-numbers", 401, null, "re-authorise" },
        { "billing_checkout", """{"purpose":"add_card"}""", "POST /v1/billing/checkout", 403, "NUMBER_SCOPE_NOT_ALLOWED", "tenant-scoped" },
        { "billing_checkout", """{"purpose":"add_card"}""", "POST /v1/billing/checkout", 400, "VALIDATION_ERROR", "Fix the argument" },
        { "billing_checkout", """{"purpose":"add_card"}""", "POST /v1/billing/checkout", 401, null, "re-authorise" },
        { "branding_get", "{}", "GET /v1/branding", 403, "NUMBER_SCOPE_NOT_ALLOWED", "tenant-scoped" },
        { "branding_get", "{}", "GET /v1/branding", 401, null, "re-authorise" },
        { "branding_upsert", """{"companyName":"Acme"}""", "PUT /v1/branding", 400, "VALIDATION_ERROR", "Fix the argument" },
        { "branding_upsert", """{"companyName":"Acme"}""", "PUT /v1/branding", 403, null, "not allowed" },
        { "branding_upsert", """{"companyName":"Acme"}""", "PUT /v1/branding", 401, null, "re-authorise" },
        { "analytics_dashboard", "{}", "GET /v1/analytics/dashboard", 403, "TENANT_SCOPE_NOT_ALLOWED", "number-scoped" },
        { "analytics_dashboard", "{}", "GET /v1/analytics/dashboard", 409, null, "conflicting state" },
        { "analytics_dashboard", "{}", "GET /v1/analytics/dashboard", 401, null, "re-authorise" },
        { "media_get", """{"mediaId":"1","phoneNumberId":"2"}""", "GET /v1/media/1", 400, null, "Fix the argument" },
        { "media_get", """{"mediaId":"1","phoneNumberId":"2"}""", "GET /v1/media/1", 401, null, "re-authorise" },
        { "media_get", """{"mediaId":"1","phoneNumberId":"2"}""", "GET /v1/media/1", 403, "TENANT_SCOPE_NOT_ALLOWED", "number-scoped" },
        { "media_get", """{"mediaId":"1","phoneNumberId":"2"}""", "GET /v1/media/1", 404, "MEDIA_NOT_FOUND", "media.url" },
        { "media_get", """{"mediaId":"1","phoneNumberId":"2"}""", "GET /v1/media/1", 404, null, "list the resources" },
        { "media_get", """{"mediaId":"1","phoneNumberId":"2"}""", "GET /v1/media/1", 500, null, "unavailable" },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Each_documented_error_becomes_an_error_result_with_a_next_step(
        string tool, string arguments, string route, int status, string? code, string nextContains)
    {
        await using var h = await ToolHarness.StartAsync();
        var body = code is null ? """{"error":"Upstream said no"}""" : $$"""{"error":"Upstream said no","code":"{{code}}"}""";
        h.Upstream.OnJson(route, status, body);

        var result = await h.CallAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments));

        var error = ResultAssert.Error(result, code, status);
        Assert.Equal("Pilot Status", error.GetProperty("upstream").GetString());
        Assert.Equal("Upstream said no", error.GetProperty("message").GetString());
        Assert.Contains(nextContains, error.GetProperty("next").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Single(h.Upstream.Requests);
    }
}
