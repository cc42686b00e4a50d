using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.PilotStatus;

public sealed class CallsToolsTests
{
    private const string Offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=setup:active\r\n";
    private const string Action = """{"success":true,"id":"call_1","status":"COMPLETED"}""";

    [Fact]
    public async Task call_initiate_posts_the_phone_the_offer_and_the_callback_data()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/calls", 201, """{"id":"call_1","externalCallId":"wacid.1","status":"INITIATED"}""");

        var body = ResultAssert.Success(await h.CallAsync("call_initiate", new { to = "+5511977776666", sdp = Offer, bizOpaqueCallbackData = "ticket-7" }));

        Assert.Equal("INITIATED", body.GetProperty("status").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://ps.test/v1/calls", sent.Uri.ToString());
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("+5511977776666", json.RootElement.GetProperty("to").GetString());
        Assert.Equal(Offer, json.RootElement.GetProperty("sdp").GetString());
        Assert.Equal("offer", json.RootElement.GetProperty("sdpType").GetString());
        Assert.Equal("ticket-7", json.RootElement.GetProperty("bizOpaqueCallbackData").GetString());
    }

    [Fact]
    public async Task call_initiate_without_an_offer_sends_only_the_phone()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/calls", 201, """{"id":"call_1","status":"INITIATED"}""");

        ResultAssert.Success(await h.CallAsync("call_initiate", new { to = "+5511977776666" }));

        using var json = JsonDocument.Parse(h.Upstream.Single().Body);
        Assert.Equal("+5511977776666", json.RootElement.GetProperty("to").GetString());
        Assert.Single(json.RootElement.EnumerateObject());
    }

    [Fact]
    public async Task calls_list_passes_limit_and_before_as_query()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/calls", 200, """{"calls":[{"id":"call_1"}]}""");

        var body = ResultAssert.Success(await h.CallAsync("calls_list", new { limit = 10, before = "2026-07-03T15:00:00.000Z" }));

        Assert.Equal("call_1", body.GetProperty("calls")[0].GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("?limit=10&before=2026-07-03T15%3A00%3A00.000Z", sent.Query);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
    }

    [Fact]
    public async Task call_get_asks_for_sdp_with_include_sdp_1_only_when_told()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/calls/wacid.ABC", 200, """{"id":"call_1","sdpOffer":"v=0"}""");

        ResultAssert.Success(await h.CallAsync("call_get", new { callId = "wacid.ABC", includeSdp = true }));
        ResultAssert.Success(await h.CallAsync("call_get", new { callId = "wacid.ABC" }));

        Assert.Equal("?includeSdp=1", h.Upstream.Requests[0].Query);
        Assert.Equal("", h.Upstream.Requests[1].Query);
        Assert.All(h.Upstream.Requests, r => Assert.Equal("ps_test_number", r.Header("x-api-key")));
    }

    [Fact]
    public async Task call_accept_sends_the_answer_on_meta_and_no_body_without_one()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/calls/call_1/accept", 200, """{"success":true,"id":"call_1","status":"ACCEPTED"}""");

        ResultAssert.Success(await h.CallAsync("call_accept", new { callId = "call_1", sdp = Offer }));
        ResultAssert.Success(await h.CallAsync("call_accept", new { callId = "call_1" }));

        using var json = JsonDocument.Parse(h.Upstream.Requests[0].Body);
        Assert.Equal(Offer, json.RootElement.GetProperty("sdp").GetString());
        Assert.Equal("answer", json.RootElement.GetProperty("sdpType").GetString());
        Assert.Equal("", h.Upstream.Requests[1].Body);
        Assert.All(h.Upstream.Requests, r => Assert.Equal(HttpMethod.Post, r.Method));
        Assert.All(h.Upstream.Requests, r => Assert.Equal("ps_test_number", r.Header("x-api-key")));
    }

    [Theory]
    [InlineData("call_reject", "reject")]
    [InlineData("call_terminate", "terminate")]
    public async Task Reject_and_terminate_post_without_a_body(string tool, string action)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST /v1/calls/call_1/{action}", 200, Action);

        ResultAssert.Success(await h.CallAsync(tool, new { callId = "call_1" }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("", sent.Body);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
    }

    [Fact]
    public async Task call_settings_get_reads_the_calling_object()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/calls/settings", 200, """{"calling":{"status":"ENABLED"}}""");

        var body = ResultAssert.Success(await h.CallAsync("call_settings_get"));

        Assert.Equal("ENABLED", body.GetProperty("calling").GetProperty("status").GetString());
        Assert.Equal("ps_test_number", h.Upstream.Single().Header("x-api-key"));
    }

    [Fact]
    public async Task call_settings_update_puts_only_the_given_fields()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("PUT /v1/calls/settings", 200, """{"success":true}""");

        ResultAssert.Success(await h.CallAsync("call_settings_update", new
        {
            settings = new { status = "ENABLED", call_hours = new { status = "ENABLED", timezone_id = "America/Sao_Paulo" } },
        }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        Assert.Equal("""{"status":"ENABLED","call_hours":{"status":"ENABLED","timezone_id":"America/Sao_Paulo"}}""", sent.Body);
    }

    [Fact]
    public async Task call_permission_get_escapes_the_phone_into_the_query()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/calls/permissions", 200, """{"permission":{"status":"permanent"},"actions":[]}""");

        var body = ResultAssert.Success(await h.CallAsync("call_permission_get", new { to = "+5511977776666" }));

        Assert.Equal("permanent", body.GetProperty("permission").GetProperty("status").GetString());
        Assert.Equal("?to=%2B5511977776666", h.Upstream.Single().Query);
        Assert.Equal("ps_test_number", h.Upstream.Single().Header("x-api-key"));
    }

    [Fact]
    public async Task call_permission_request_posts_the_phone_and_the_reason()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/calls/permissions/request", 200, """{"messageId":"wamid.1"}""");

        ResultAssert.Success(await h.CallAsync("call_permission_request", new { to = "+5511988887777", text = "About your order" }));

        var sent = h.Upstream.Single();
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("+5511988887777", json.RootElement.GetProperty("to").GetString());
        Assert.Equal("About your order", json.RootElement.GetProperty("text").GetString());
    }

    public static TheoryData<string, string, string> InvalidCalls => new()
    {
        { "call_initiate", """{"to":"11 9777"}""", "to" },
        { "call_initiate", """{"to":"+5511977776666","sdp":"hello"}""", "sdp" },
        { "call_accept", """{"callId":"call_1","sdp":"answer please"}""", "sdp" },
        { "call_accept", """{"callId":" "}""", "callId" },
        { "call_get", """{"callId":""}""", "callId" },
        { "call_reject", """{"callId":" "}""", "callId" },
        { "call_terminate", """{"callId":" "}""", "callId" },
        { "calls_list", """{"limit":0}""", "limit" },
        { "calls_list", """{"limit":101}""", "limit" },
        { "calls_list", """{"before":"yesterday"}""", "before" },
        { "call_permission_get", """{"to":"ana"}""", "to" },
        { "call_permission_request", """{"to":""}""", "to" },
        { "call_settings_update", """{"settings":{}}""", "settings" },
        { "call_settings_update", """{"settings":"ENABLED"}""", "settings" },
        { "call_settings_update", """{"settings":{"sip":{"status":"ENABLED"}}}""", "settings" },
        { "call_settings_update", """{"settings":{"callIconVisibility":"DEFAULT"}}""", "settings" },
        { "call_settings_update", """{"settings":{"call_hours":"always"}}""", "settings" },
        { "call_settings_update", """{"settings":{"status":true}}""", "settings" },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task Bad_arguments_are_refused_before_the_upstream_is_called(string tool, string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)));

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task Sip_settings_are_refused_with_a_clear_reason()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("call_settings_update", new { settings = new { status = "ENABLED", sip = new { status = "ENABLED" } } }));

        Assert.Contains("SIP", error.GetProperty("message").GetString());
    }

    public static TheoryData<string, string, string, int, string, string> DocumentedErrors => new()
    {
        { "call_initiate", "POST /v1/calls", """{"to":"+5511988887777","sdp":"v=0"}""", 400, "META_CALL_PERMISSION_REQUIRED", "call_permission_request" },
        { "call_initiate", "POST /v1/calls", """{"to":"+5511988887777"}""", 400, "FEATURE_NOT_SUPPORTED", "Meta" },
        { "calls_list", "GET /v1/calls", "{}", 400, "FEATURE_NOT_SUPPORTED", "Meta" },
        { "call_get", "GET /v1/calls/call_x", """{"callId":"call_x"}""", 404, "CALL_NOT_FOUND", "calls_list" },
        { "call_accept", "POST /v1/calls/call_x/accept", """{"callId":"call_x"}""", 404, "CALL_NOT_FOUND", "calls_list" },
        { "call_reject", "POST /v1/calls/call_x/reject", """{"callId":"call_x"}""", 400, "INVALID_CALL_STATE", "call_get" },
        { "call_terminate", "POST /v1/calls/call_x/terminate", """{"callId":"call_x"}""", 404, "CALL_NOT_FOUND", "calls_list" },
        { "call_permission_request", "POST /v1/calls/permissions/request", """{"to":"+5511988887777"}""", 400, "META_CALL_PERMISSION_REQUEST_LIMIT", "Wait" },
        { "call_permission_request", "POST /v1/calls/permissions/request", """{"to":"+5511977776666"}""", 400, "META_OUTSIDE_24H_WINDOW", "template" },
        { "call_permission_get", "GET /v1/calls/permissions", """{"to":"+5511988887777"}""", 403, "TENANT_SCOPE_NOT_ALLOWED", "number-scoped" },
        { "call_settings_get", "GET /v1/calls/settings", "{}", 403, "TENANT_SCOPE_NOT_ALLOWED", "number-scoped" },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Each_documented_error_maps_to_its_code_and_next_step(string tool, string route, string arguments, int status, string code, string nextContains)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(route, status, $$"""{"error":"Upstream said no","code":"{{code}}"}""");

        var error = ResultAssert.Error(await h.CallAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)), code, status);

        Assert.Equal("Upstream said no", error.GetProperty("message").GetString());
        Assert.Contains(nextContains, error.GetProperty("next").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task Enabling_calling_below_the_messaging_tier_reports_meta_text()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("PUT /v1/calls/settings", 400, """{"error":"(#138015) Calling cannot be enabled: messaging limit below 2000"}""");

        var error = ResultAssert.Error(await h.CallAsync("call_settings_update", new { settings = new { status = "ENABLED" } }), status: 400);

        Assert.Contains("138015", error.GetProperty("message").GetString());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task A_failed_call_start_is_not_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["PilotStatus:MaxReadRetries"] = "3" });
        h.Upstream.OnJson("POST /v1/calls", 503, """{"error":"busy"}""");

        var error = ResultAssert.Error(await h.CallAsync("call_initiate", new { to = "+5511977776666", sdp = Offer }), status: 503);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }
}
