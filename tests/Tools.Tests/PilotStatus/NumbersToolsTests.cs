using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Tools.Tests.Infrastructure;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.Tests.PilotStatus;

public sealed class NumbersToolsTests
{
    private static readonly CallerCredentials TenantKey = new() { PilotStatusApiKey = "ps_test_tenant" };

    [Fact]
    public async Task numbers_list_gets_the_numbers_with_the_tenant_key()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey);
        h.Upstream.OnJson("GET /v1/numbers", 200, """[{"id":"num_1","state":"OPEN"}]""");

        var body = ResultAssert.Success(await h.CallAsync("numbers_list"));

        Assert.Equal("num_1", body.GetProperty("result")[0].GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("", sent.Query);
        Assert.Equal("ps_test_tenant", sent.Header("x-api-key"));
        Assert.Null(sent.Header("authorization"));
    }

    [Fact]
    public async Task numbers_get_escapes_the_id_and_asks_for_a_refresh_only_when_told()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey);
        h.Upstream.OnJson("GET /v1/numbers/num_1", 200, """{"id":"num_1","health":{"sendable":true},"meta":null}""");
        h.Upstream.OnJson("GET /v1/numbers/num%2F2", 200, """{"id":"num/2"}""");

        var body = ResultAssert.Success(await h.CallAsync("numbers_get", new { id = "num_1", refresh = true }));
        ResultAssert.Success(await h.CallAsync("numbers_get", new { id = "num/2" }));

        Assert.True(body.GetProperty("health").GetProperty("sendable").GetBoolean());
        Assert.Equal("?refresh=1", h.Upstream.Requests[0].Query);
        Assert.Equal("", h.Upstream.Requests[1].Query);
        Assert.All(h.Upstream.Requests, r => Assert.Equal("ps_test_tenant", r.Header("x-api-key")));
    }

    [Fact]
    public async Task numbers_create_posts_name_number_and_link_choice()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/numbers", 201, """{"id":"num_9","state":"CONNECTING","qrcodeBase64":"data:image/png;base64,AA==","pairingCode":"ABCD-1234","linkedApiKeyId":"key_1"}""");

        var body = ResultAssert.Success(await h.CallAsync("numbers_create", new { name = "Sales", number = "+5511912345678", linkToApiKey = false }));

        Assert.Equal("ABCD-1234", body.GetProperty("pairingCode").GetString());
        Assert.Contains("numbers_status", body.GetProperty("_note").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        AssertJson("""{"name":"Sales","number":"+5511912345678","linkToApiKey":false}""", sent.Body);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
    }

    [Fact]
    public async Task numbers_create_leaves_link_to_the_upstream_default_when_omitted()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey);
        h.Upstream.OnJson("POST /v1/numbers", 201, """{"id":"num_9"}""");

        ResultAssert.Success(await h.CallAsync("numbers_create", new { name = "Sales", number = "5511912345678" }));

        AssertJson("""{"name":"Sales","number":"5511912345678"}""", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task numbers_status_gets_the_state()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey);
        h.Upstream.OnJson("GET /v1/numbers/num_1/status", 200, """{"id":"num_1","state":"CLOSE"}""");

        var body = ResultAssert.Success(await h.CallAsync("numbers_status", new { id = "num_1" }));

        Assert.Equal("CLOSE", body.GetProperty("state").GetString());
        Assert.Equal(HttpMethod.Get, h.Upstream.Single().Method);
        Assert.Equal("ps_test_tenant", h.Upstream.Single().Header("x-api-key"));
    }

    [Fact]
    public async Task numbers_connect_gets_a_new_qr_code()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey);
        h.Upstream.OnJson("GET /v1/numbers/num_1/connect", 200, """{"qrcodeBase64":"data:image/png;base64,AA==","pairingCode":"WXYZ-9876"}""");

        var body = ResultAssert.Success(await h.CallAsync("numbers_connect", new { id = "num_1" }));

        Assert.Equal("WXYZ-9876", body.GetProperty("pairingCode").GetString());
        Assert.Equal(HttpMethod.Get, h.Upstream.Single().Method);
        Assert.Equal("", h.Upstream.Single().Body);
        Assert.Equal("ps_test_tenant", h.Upstream.Single().Header("x-api-key"));
    }

    [Fact]
    public async Task numbers_delete_deletes_the_number_once()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey, new() { ["PilotStatus:MaxReadRetries"] = "3" });
        h.Upstream.OnJson("DELETE /v1/numbers/num_1", 200, """{"ok":true}""");

        var body = ResultAssert.Success(await h.CallAsync("numbers_delete", new { id = "num_1" }));

        Assert.True(body.GetProperty("ok").GetBoolean());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal("", sent.Body);
        Assert.Equal("ps_test_tenant", sent.Header("x-api-key"));
    }

    [Fact]
    public async Task numbers_remote_pairing_posts_a_qr_pairing_with_branding()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey);
        h.Upstream.OnJson("POST /v1/numbers/remote-pairing", 201, """{"provider":"PILOT_STATUS","remotePairingToken":"rp_1","remotePairingUrl":"https://pilotstatus.com.br/connect/rp_1","numberId":"num_9"}""");

        var body = ResultAssert.Success(await h.CallAsync("numbers_remote_pairing", new
        {
            name = "Sales",
            number = "+5511912345678",
            sendViaWhatsApp = true,
            branding = new { companyName = "Acme", hidePilotStatusBranding = true },
        }));

        Assert.Equal("rp_1", body.GetProperty("remotePairingToken").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        AssertJson("""{"name":"Sales","number":"+5511912345678","sendViaWhatsApp":true,"branding":{"companyName":"Acme","hidePilotStatusBranding":true}}""", sent.Body);
        Assert.Equal("ps_test_tenant", sent.Header("x-api-key"));
    }

    [Fact]
    public async Task numbers_remote_pairing_for_meta_needs_no_name_or_number()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey);
        h.Upstream.OnJson("POST /v1/numbers/remote-pairing", 201, """{"provider":"META","remotePairingToken":"rp_2"}""");

        ResultAssert.Success(await h.CallAsync("numbers_remote_pairing", new
        {
            provider = "META", metaFlow = "embedded", redirectUrl = "https://acme.example/done", externalRef = "lead-42",
        }));

        AssertJson("""{"provider":"META","redirectUrl":"https://acme.example/done","externalRef":"lead-42","metaFlow":"embedded"}""", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task numbers_check_sends_numbers_and_the_single_number_together_with_the_number_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/numbers/check", 200, """{"results":[{"input":"+55 31 95555-4444","exists":true,"number":"553155554444","name":null}]}""");

        var body = ResultAssert.Success(await h.CallAsync("numbers_check", new { numbers = new[] { "+55 31 95555-4444" }, number = "5511988887777" }));

        Assert.Equal("553155554444", body.GetProperty("results")[0].GetProperty("number").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        AssertJson("""{"numbers":["+55 31 95555-4444","5511988887777"]}""", sent.Body);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
    }

    [Fact]
    public async Task numbers_check_forwards_the_number_header_of_a_tenant_credential()
    {
        await using var h = await ToolHarness.StartAsync(new CallerCredentials { PilotStatusApiKey = "ps_test_tenant", WhatsAppNumberId = "num_2" });
        h.Upstream.OnJson("POST /v1/numbers/check", 200, """{"results":[]}""");

        ResultAssert.Success(await h.CallAsync("numbers_check", new { number = "+5511988887777" }));

        Assert.Equal("num_2", h.Upstream.Single().Header("x-whatsapp-number-id"));
    }

    public static TheoryData<string, string, string, string> InvalidCalls => new()
    {
        { "numbers_get", """{"id":" "}""", "id", "INVALID_ARGUMENT" },
        { "numbers_status", """{"id":""}""", "id", "INVALID_ARGUMENT" },
        { "numbers_connect", """{"id":""}""", "id", "INVALID_ARGUMENT" },
        { "numbers_delete", """{"id":""}""", "id", "INVALID_ARGUMENT" },
        { "numbers_create", """{"name":"","number":"+5511912345678"}""", "name", "INVALID_ARGUMENT" },
        { "numbers_create", """{"name":"Sales","number":"11912345"}""", "number", "INVALID_ARGUMENT" },
        { "numbers_create", """{"name":"Sales","number":"+55 11 91234-5678"}""", "number", "INVALID_ARGUMENT" },
        { "numbers_remote_pairing", """{"number":"+5511912345678"}""", "name", "INVALID_ARGUMENT" },
        { "numbers_remote_pairing", """{"provider":"PILOT_STATUS","name":"Sales"}""", "number", "INVALID_ARGUMENT" },
        { "numbers_remote_pairing", """{"provider":"META","redirectUrl":"not a url"}""", "redirectUrl", "INVALID_ARGUMENT" },
        { "numbers_check", "{}", "numbers", "VALIDATION_ERROR" },
        { "numbers_check", """{"numbers":[]}""", "numbers", "VALIDATION_ERROR" },
        { "numbers_check", """{"numbers":["hello"]}""", "numbers", "VALIDATION_ERROR" },
        { "numbers_check", """{"numbers":["123"]}""", "numbers", "VALIDATION_ERROR" },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task Invalid_number_arguments_are_refused_before_the_upstream(string tool, string arguments, string parameter, string code)
    {
        await using var h = await ToolHarness.StartAsync(TenantKey);

        var error = ResultAssert.Error(await h.CallAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)));

        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task numbers_check_takes_at_most_20_numbers_counting_the_single_one()
    {
        await using var h = await ToolHarness.StartAsync();
        var twenty = Enumerable.Range(0, 20).Select(i => $"+55119888877{i:00}").ToArray();

        var error = ResultAssert.Error(await h.CallAsync("numbers_check", new { numbers = twenty, number = "+5511988887777" }), "VALIDATION_ERROR");

        Assert.Contains("21", error.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task numbers_check_accepts_exactly_20_numbers()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/numbers/check", 200, """{"results":[]}""");

        ResultAssert.Success(await h.CallAsync("numbers_check", new { numbers = Enumerable.Range(0, 20).Select(i => $"+55119888877{i:00}").ToArray() }));

        Assert.Single(h.Upstream.Requests);
    }

    public static TheoryData<string, string, int, string, string> DocumentedErrors => new()
    {
        { "numbers_check", "POST /v1/numbers/check", 400, "NOT_SUPPORTED_FOR_META", "Evolution" },
        { "numbers_check", "POST /v1/numbers/check", 400, "VALIDATION_ERROR", "Fix the argument" },
        { "numbers_check", "POST /v1/numbers/check", 409, "WHATSAPP_INSTANCE_NOT_CONNECTED", "numbers_connect" },
        { "numbers_check", "POST /v1/numbers/check", 503, "EVOLUTION_API_KEY_MISSING", "support" },
        { "numbers_check", "POST /v1/numbers/check", 403, "TENANT_SCOPE_NOT_ALLOWED", "number-scoped" },
        { "numbers_get", "GET /v1/numbers/num_1", 404, "NUMBER_NOT_FOUND", "number id" },
        { "numbers_status", "GET /v1/numbers/num_1/status", 404, "NUMBER_NOT_FOUND", "number id" },
        { "numbers_connect", "GET /v1/numbers/num_1/connect", 409, "NUMBER_ALREADY_CONNECTED", "numbers_status" },
        { "numbers_connect", "GET /v1/numbers/num_1/connect", 400, "NOT_SUPPORTED_FOR_META", "Meta" },
        { "numbers_create", "POST /v1/numbers", 409, "NUMBER_ALREADY_EXISTS", "numbers_list" },
        { "numbers_delete", "DELETE /v1/numbers/num_1", 404, "NUMBER_NOT_FOUND", "number id" },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Documented_errors_map_to_results_with_the_next_step(string tool, string route, int status, string code, string next)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(route, status, $$"""{"error":"Upstream said no","code":"{{code}}"}""");
        object arguments = tool switch
        {
            "numbers_check" => new { number = "+5511988887777" },
            "numbers_create" => new { name = "Sales", number = "+5511912345678" },
            _ => new { id = "num_1" },
        };

        var error = ResultAssert.Error(await h.CallAsync(tool, arguments), code, status);

        Assert.Equal("Upstream said no", error.GetProperty("message").GetString());
        Assert.Contains(next, error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task numbers_create_is_not_retried_and_says_the_outcome_is_unknown()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey, new() { ["PilotStatus:MaxReadRetries"] = "3" });
        h.Upstream.OnJson("POST /v1/numbers", 500, """{"error":"provider down"}""");

        var error = ResultAssert.Error(await h.CallAsync("numbers_create", new { name = "Sales", number = "+5511912345678" }), status: 500);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task numbers_status_is_retried_as_a_read()
    {
        await using var h = await ToolHarness.StartAsync(TenantKey, new() { ["PilotStatus:MaxReadRetries"] = "1" });
        var calls = 0;
        h.Upstream.On("GET /v1/numbers/num_1/status", _ => ++calls == 1
            ? FakeUpstream.Json(503, """{"error":"busy"}""")
            : FakeUpstream.Json(200, """{"id":"num_1","state":"OPEN"}"""));

        ResultAssert.Success(await h.CallAsync("numbers_status", new { id = "num_1" }));

        Assert.Equal(2, h.Upstream.Requests.Count);
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}, sent {actual}");
}
