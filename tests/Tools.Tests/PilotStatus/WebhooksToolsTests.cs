using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.Tests.PilotStatus;

public sealed class WebhooksToolsTests
{
    private const string Webhook = """{"id":"wh_1","name":"Orders","url":"https://hooks.acme.dev/ps","active":true,"events":["message.delivered"]}""";

    [Fact]
    public async Task webhooks_list_gets_the_collection_with_the_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/webhooks", 200, $"[{Webhook}]");

        var body = ResultAssert.Success(await h.CallAsync("webhooks_list"));

        Assert.Equal("wh_1", body.GetProperty("result")[0].GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("https://ps.test/v1/webhooks", sent.Uri.ToString());
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        Assert.Null(sent.Header("x-whatsapp-number-id"));
        Assert.Equal("", sent.Body);
    }

    [Fact]
    public async Task webhooks_list_with_the_tenant_key_forwards_the_number_header()
    {
        await using var h = await ToolHarness.StartAsync(new CallerCredentials { PilotStatusApiKey = "ps_tenant", WhatsAppNumberId = "num_2" });
        h.Upstream.OnJson("GET /v1/webhooks", 200, "[]");

        ResultAssert.Success(await h.CallAsync("webhooks_list"));

        var sent = h.Upstream.Single();
        Assert.Equal("ps_tenant", sent.Header("x-api-key"));
        Assert.Equal("num_2", sent.Header("x-whatsapp-number-id"));
    }

    [Fact]
    public async Task webhook_get_escapes_the_id_into_the_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/webhooks/wh_1%2F..%2Fx", 200, Webhook);

        var body = ResultAssert.Success(await h.CallAsync("webhook_get", new { id = "wh_1/../x" }));

        Assert.Equal("Orders", body.GetProperty("name").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
    }

    [Fact]
    public async Task webhooks_create_posts_url_events_name_and_number()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/webhooks", 201, Webhook);

        var body = ResultAssert.Success(await h.CallAsync("webhooks_create", new
        {
            url = "https://hooks.acme.dev/ps", events = new[] { "message.delivered", "message.received", "message.delivered" }, name = "Orders", whatsappNumberId = "num_1",
        }));

        Assert.Equal("wh_1", body.GetProperty("id").GetString());
        Assert.False(body.TryGetProperty("_note", out _));
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/v1/webhooks", sent.Path);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        Assert.Equal("application/json", sent.Header("content-type")?.Split(';')[0]);
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("https://hooks.acme.dev/ps", json.RootElement.GetProperty("url").GetString());
        Assert.Equal("Orders", json.RootElement.GetProperty("name").GetString());
        Assert.Equal("num_1", json.RootElement.GetProperty("whatsappNumberId").GetString());
        Assert.Equal(["message.delivered", "message.received"], json.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task webhooks_create_without_events_sends_none_and_warns_that_nothing_will_arrive()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/webhooks", 201, """{"id":"wh_1","events":[]}""");

        var body = ResultAssert.Success(await h.CallAsync("webhooks_create", new { url = "http://127.0.0.1:8080/hook" }));

        Assert.Contains("nothing will be delivered", body.GetProperty("_note").GetString());
        using var json = JsonDocument.Parse(h.Upstream.Single().Body);
        Assert.False(json.RootElement.TryGetProperty("events", out _));
        Assert.False(json.RootElement.TryGetProperty("name", out _));
        Assert.False(json.RootElement.TryGetProperty("whatsappNumberId", out _));
    }

    [Fact]
    public async Task webhooks_create_accepts_star_for_every_event()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/webhooks", 201, Webhook);

        ResultAssert.Success(await h.CallAsync("webhooks_create", new { url = "https://hooks.acme.dev/ps", events = new[] { "*" } }));

        using var json = JsonDocument.Parse(h.Upstream.Single().Body);
        Assert.Equal("*", Assert.Single(json.RootElement.GetProperty("events").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task webhooks_update_patches_only_the_fields_given_and_events_replace_the_list()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("PATCH /v1/webhooks/wh_1", 200, Webhook);

        ResultAssert.Success(await h.CallAsync("webhooks_update", new { id = "wh_1", active = false, events = new[] { "message.failed" } }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Patch, sent.Method);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal(["active", "events"], json.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.False(json.RootElement.GetProperty("active").GetBoolean());
        Assert.Equal("message.failed", Assert.Single(json.RootElement.GetProperty("events").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task webhooks_update_with_an_empty_event_list_clears_it_and_warns()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("PATCH /v1/webhooks/wh_1", 200, """{"id":"wh_1","events":[]}""");

        var body = ResultAssert.Success(await h.CallAsync("webhooks_update", new { id = "wh_1", events = Array.Empty<string>(), url = "https://new.acme.dev/x", name = "New" }));

        Assert.Contains("nothing will be delivered", body.GetProperty("_note").GetString());
        using var json = JsonDocument.Parse(h.Upstream.Single().Body);
        Assert.Empty(json.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("https://new.acme.dev/x", json.RootElement.GetProperty("url").GetString());
        Assert.Equal("New", json.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task webhooks_delete_deletes_by_id_once()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("DELETE /v1/webhooks/wh_1", 200, """{"deleted":true,"id":"wh_1"}""");

        var body = ResultAssert.Success(await h.CallAsync("webhooks_delete", new { id = "wh_1" }));

        Assert.True(body.GetProperty("deleted").GetBoolean());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        Assert.Equal("", sent.Body);
    }

    [Fact]
    public async Task webhook_events_reads_the_logs_with_limit_and_event_filter()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/webhooks/wh_1/logs", 200, """{"logs":[{"event":"message.delivered","status":"SUCCESS","statusCode":200}]}""");

        var body = ResultAssert.Success(await h.CallAsync("webhook_events", new { id = "wh_1", limit = 10, @event = "message.delivered" }));

        Assert.Equal("SUCCESS", body.GetProperty("logs")[0].GetProperty("status").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("?limit=10&event=message.delivered", sent.Query);
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
    }

    [Fact]
    public async Task webhook_events_without_arguments_sends_no_query()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/webhooks/wh_1/logs", 200, """{"logs":[]}""");

        ResultAssert.Success(await h.CallAsync("webhook_events", new { id = "wh_1" }));

        Assert.Equal("", h.Upstream.Single().Query);
    }

    public static TheoryData<string, string, string> InvalidCalls => new()
    {
        { "webhooks_create", """{"url":"ftp://hooks.acme.dev/x","events":["*"]}""", "url" },
        { "webhooks_create", """{"url":"hooks.acme.dev/x"}""", "url" },
        { "webhooks_create", """{"url":"http://hooks.acme.dev/x"}""", "url" },
        { "webhooks_create", """{"url":"  "}""", "url" },
        { "webhooks_create", """{"url":"https://hooks.acme.dev/x","events":["message.bogus"]}""", "events" },
        { "webhooks_create", """{"url":"https://hooks.acme.dev/x","events":["number.health_blocked"]}""", "events" },
        { "webhooks_update", """{"id":"wh_1"}""", "id" },
        { "webhooks_update", """{"id":"wh_1","url":"ftp://x"}""", "url" },
        { "webhooks_update", """{"id":"wh_1","events":["message.sent","nope"]}""", "events" },
        { "webhooks_update", """{"id":" ","active":true}""", "id" },
        { "webhook_get", """{"id":""}""", "id" },
        { "webhooks_delete", """{"id":""}""", "id" },
        { "webhook_events", """{"id":"wh_1","limit":0}""", "limit" },
        { "webhook_events", """{"id":"wh_1","limit":51}""", "limit" },
        { "webhook_events", """{"id":"wh_1","event":"message.opened"}""", "event" },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task Bad_arguments_are_refused_without_calling_the_upstream(string tool, string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var result = await h.CallAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments));

        var error = ResultAssert.Error(result);
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task Star_only_events_are_refused_with_advice_to_use_star()
    {
        await using var h = await ToolHarness.StartAsync();

        var result = await h.CallAsync("webhooks_create", new { url = "https://hooks.acme.dev/x", events = new[] { "number.recovered" } });

        var error = ResultAssert.Error(result);
        Assert.Equal("events", error.GetProperty("parameter").GetString());
        Assert.Contains("\"*\"", error.GetProperty("message").GetString());
    }

    public static TheoryData<string, string, int, string, string> DocumentedErrors => new()
    {
        { "webhooks_create", "POST /v1/webhooks", 400, "NUMBER_REQUIRED", "x-whatsapp-number-id" },
        { "webhooks_create", "POST /v1/webhooks", 400, "NUMBER_MISMATCH", "whatsappNumberId" },
        { "webhooks_create", "POST /v1/webhooks", 404, "NUMBER_NOT_FOUND", "number" },
        { "webhooks_create", "POST /v1/webhooks", 400, "VALIDATION_ERROR", "Fix the argument" },
        { "webhooks_list", "GET /v1/webhooks", 400, "NUMBER_REQUIRED", "x-whatsapp-number-id" },
        { "webhook_get", "GET /v1/webhooks/wh_1", 404, "WEBHOOK_NOT_FOUND", "webhooks_list" },
        { "webhooks_update", "PATCH /v1/webhooks/wh_1", 404, "WEBHOOK_NOT_FOUND", "webhooks_list" },
        { "webhooks_delete", "DELETE /v1/webhooks/wh_1", 404, "WEBHOOK_NOT_FOUND", "webhooks_list" },
        { "webhook_events", "GET /v1/webhooks/wh_1/logs", 404, "WEBHOOK_NOT_FOUND", "webhooks_list" },
        { "webhook_get", "GET /v1/webhooks/wh_1", 401, "UNAUTHORIZED", "re-authorise" },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Each_documented_error_maps_to_its_code_and_next_step(string tool, string route, int status, string code, string nextContains)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(route, status, $$"""{"error":"Upstream said no","code":"{{code}}"}""");
        object arguments = tool switch
        {
            "webhooks_create" => new { url = "https://hooks.acme.dev/x", events = new[] { "*" }, whatsappNumberId = "num_9" },
            "webhooks_list" => new { },
            "webhooks_update" => new { id = "wh_1", active = false },
            _ => new { id = "wh_1" },
        };

        var error = ResultAssert.Error(await h.CallAsync(tool, arguments), code, status);

        Assert.Equal("Upstream said no", error.GetProperty("message").GetString());
        Assert.Contains(nextContains, error.GetProperty("next").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task webhooks_create_is_not_retried_after_a_server_error()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["PilotStatus:MaxReadRetries"] = "3" });
        h.Upstream.OnJson("POST /v1/webhooks", 503, """{"error":"busy"}""");

        var error = ResultAssert.Error(await h.CallAsync("webhooks_create", new { url = "https://hooks.acme.dev/x", events = new[] { "*" } }), status: 503);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }
}
