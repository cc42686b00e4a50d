using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.PilotStatus;

public sealed class MessagingToolsTests
{
    private const string Queued = """{"id":"msg_1","correlationId":"c1","status":"QUEUED","createdAt":"2026-01-01T00:00:00Z"}""";

    [Fact]
    public async Task messages_send_template_posts_the_vendor_body_with_the_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/messages/send", 202, Queued);

        var result = await h.CallAsync("messages_send", new { destinationNumber = "+5511999998888", templateId = "order_update", variables = new { name = "Ana" } });

        var body = ResultAssert.Success(result);
        Assert.Equal("msg_1", body.GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://ps.test/v1/messages/send", sent.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        Assert.Null(sent.Header("authorization"));
        Assert.Equal("application/json", sent.Header("content-type")?.Split(';')[0]);
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("+5511999998888", json.RootElement.GetProperty("destinationNumber").GetString());
        Assert.Equal("order_update", json.RootElement.GetProperty("templateId").GetString());
        Assert.Equal("Ana", json.RootElement.GetProperty("variables").GetProperty("name").GetString());
        Assert.False(json.RootElement.TryGetProperty("text", out _));
    }

    [Fact]
    public async Task messages_send_direct_media_sends_media_type_and_caption()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/messages/send", 202, Queued);

        ResultAssert.Success(await h.CallAsync("messages_send", new
        {
            groupId = "1203630@g.us", media = "https://cdn.example.com/a.png", mediaType = "image", caption = "Look", deliverAt = "2030-01-01T10:00:00Z",
        }));

        using var json = JsonDocument.Parse(h.Upstream.Single().Body);
        Assert.Equal("1203630@g.us", json.RootElement.GetProperty("groupId").GetString());
        Assert.Equal("image", json.RootElement.GetProperty("mediaType").GetString());
        Assert.Equal("Look", json.RootElement.GetProperty("caption").GetString());
        Assert.Equal("2030-01-01T10:00:00Z", json.RootElement.GetProperty("deliverAt").GetString());
    }

    public static TheoryData<string, string> InvalidSends => new()
    {
        { """{"templateId":"t"}""", "destinationNumber" },
        { """{"destinationNumber":"+5511999998888","groupId":"1@g.us","text":"hi"}""", "destinationNumber" },
        { """{"destinationNumber":"011 9999","text":"hi"}""", "destinationNumber" },
        { """{"destinationNumber":"+5511999998888"}""", "templateId" },
        { """{"destinationNumber":"+5511999998888","templateId":"t","text":"hi"}""", "text" },
        { """{"destinationNumber":"+5511999998888","media":"https://x.test/a.mp3"}""", "mediaType" },
        { """{"destinationNumber":"+5511999998888","media":"https://x.test/a.mp3","mediaType":"audio","caption":"no"}""", "caption" },
        { """{"destinationNumber":"+5511999998888","media":"ftp://x.test/a.png","mediaType":"image"}""", "media" },
        { """{"groupId":"12345","text":"hi"}""", "groupId" },
        { """{"newsletterId":"12345@g.us","text":"hi"}""", "newsletterId" },
        { """{"destinationNumber":"+5511999998888","text":"hi","deliverAt":"tomorrow"}""", "deliverAt" },
    };

    [Theory]
    [MemberData(nameof(InvalidSends))]
    public async Task messages_send_refuses_invalid_arguments_without_calling_the_upstream(string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var result = await h.CallAsync("messages_send", JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments));

        var error = ResultAssert.Error(result);
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task messages_send_with_a_tenant_key_reports_the_scope_and_the_key_it_needs()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/messages/send", 403, """{"error":"Tenant keys cannot send","code":"TENANT_SCOPE_NOT_ALLOWED"}""");

        var result = await h.CallAsync("messages_send", new { destinationNumber = "+5511999998888", text = "hi" });

        var error = ResultAssert.Error(result, "TENANT_SCOPE_NOT_ALLOWED", 403);
        Assert.Contains("number-scoped", error.GetProperty("next").GetString());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task messages_send_is_not_retried_after_a_server_error_and_says_the_outcome_is_unknown()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["PilotStatus:MaxReadRetries"] = "3" });
        h.Upstream.OnJson("POST /v1/messages/send", 503, """{"error":"busy"}""");

        var result = await h.CallAsync("messages_send", new { destinationNumber = "+5511999998888", text = "hi" });

        var error = ResultAssert.Error(result, status: 503);
        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task message_get_escapes_the_id_into_the_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/messages/msg_1%2F..%2Fx", 200, """{"id":"msg_1","status":"SENT"}""");

        var body = ResultAssert.Success(await h.CallAsync("message_get", new { messageId = "msg_1/../x" }));

        Assert.Equal("SENT", body.GetProperty("status").GetString());
        Assert.Equal(HttpMethod.Get, h.Upstream.Single().Method);
    }

    [Fact]
    public async Task message_get_retries_a_read_after_a_server_error()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["PilotStatus:MaxReadRetries"] = "2" });
        var calls = 0;
        h.Upstream.On("GET /v1/messages/msg_1", _ => ++calls == 1
            ? FakeUpstream.Json(502, """{"error":"bad gateway"}""")
            : FakeUpstream.Json(200, """{"id":"msg_1","status":"DELIVERED"}"""));

        var body = ResultAssert.Success(await h.CallAsync("message_get", new { messageId = "msg_1" }));

        Assert.Equal("DELIVERED", body.GetProperty("status").GetString());
        Assert.Equal(2, h.Upstream.Requests.Count);
        Assert.Equal(h.Upstream.Requests[0].Header("x-correlation-id"), h.Upstream.Requests[1].Header("x-correlation-id"));
    }

    [Fact]
    public async Task message_get_not_found_maps_to_an_error_result()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/messages/nope", 404, """{"error":"Message not found","code":"MESSAGE_NOT_FOUND"}""");

        var error = ResultAssert.Error(await h.CallAsync("message_get", new { messageId = "nope" }), "MESSAGE_NOT_FOUND", 404);

        Assert.Equal("Message not found", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task messages_cancel_sends_a_json_body_on_delete()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("DELETE /v1/messages/cancel", 200, """{"cancelled":1,"notFound":1}""");

        ResultAssert.Success(await h.CallAsync("messages_cancel", new { messageIds = new[] { "msg_1", "msg_2" } }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal("""{"messageIds":["msg_1","msg_2"]}""", sent.Body);
    }

    [Fact]
    public async Task messages_cancel_refuses_more_than_100_ids()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("messages_cancel", new { messageIds = Enumerable.Range(0, 101).Select(i => $"msg_{i}").ToArray() }));

        Assert.Equal("messageIds", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task messages_group_passes_dates_and_paging_as_query()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/messages/group", 200, """{"messages":[],"total":0}""");

        ResultAssert.Success(await h.CallAsync("messages_group", new { startDate = "2026-01-01T00:00:00Z", endDate = "2026-01-02T00:00:00Z", page = 2, pageSize = 50 }));

        Assert.Equal("?startDate=2026-01-01T00%3A00%3A00Z&endDate=2026-01-02T00%3A00%3A00Z&page=2&pageSize=50", h.Upstream.Single().Query);
    }

    [Fact]
    public async Task messages_group_refuses_an_inverted_range_with_the_vendor_code()
    {
        await using var h = await ToolHarness.StartAsync();

        ResultAssert.Error(await h.CallAsync("messages_group", new { startDate = "2026-02-01", endDate = "2026-01-01" }), "INVALID_DATE_RANGE");

        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task messages_group_on_a_meta_number_reports_the_vendor_code()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/messages/group", 400, """{"error":"Groups are not available on Meta numbers","code":"NOT_SUPPORTED_FOR_META"}""");

        var error = ResultAssert.Error(await h.CallAsync("messages_group"), "NOT_SUPPORTED_FOR_META", 400);

        Assert.Contains("Meta", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task messages_unread_sends_only_paging()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/messages/unread", 200, """{"messages":[],"total":3}""");

        var body = ResultAssert.Success(await h.CallAsync("messages_unread", new { pageSize = 10 }));

        Assert.Equal(3, body.GetProperty("total").GetInt32());
        Assert.Equal("?pageSize=10", h.Upstream.Single().Query);
    }

    [Fact]
    public async Task messages_unread_refuses_a_page_size_over_100()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("messages_unread", new { pageSize = 101 }));

        Assert.Equal("pageSize", error.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task conversations_list_reads_conversations_and_forwards_the_number_header()
    {
        await using var h = await ToolHarness.StartAsync(new Upstreams.CallerCredentials { PilotStatusApiKeyId = "key_1", WhatsAppNumberId = "num_1" });
        h.Upstream.OnJson("GET /v1/conversations", 200, """{"conversations":[{"id":"conv_1"}],"total":1}""");

        var body = ResultAssert.Success(await h.CallAsync("conversations_list", new { page = 1 }));

        Assert.Equal("conv_1", body.GetProperty("conversations")[0].GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal("key_1", sent.Header("x-api-key-id"));
        Assert.Null(sent.Header("x-api-key"));
        Assert.Equal("num_1", sent.Header("x-whatsapp-number-id"));
        Assert.Equal("?page=1", sent.Query);
    }

    [Fact]
    public async Task conversations_list_without_a_key_bound_number_reports_number_not_found()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/conversations", 400, """{"error":"Key has no number","code":"NUMBER_NOT_FOUND"}""");

        ResultAssert.Error(await h.CallAsync("conversations_list"), "NUMBER_NOT_FOUND", 400);
    }
}
