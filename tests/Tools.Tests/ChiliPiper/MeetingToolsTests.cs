using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class MeetingToolsTests
{
    private const string MeetingId = "3f2a6c1e-5b7d-4e2f-9a10-6c4b8d2e1f00";
    private const string TypeId = "f6000000-0000-4000-8000-000000000001";
    private const string ListPath = "PUT /api/fire-edge/v2/org/meetings/meetings";
    private const string ExportPath = "PUT /api/fire-edge/v3/org/meetings/meetings/export";
    private const string EmptyList = """{"data":{"list":[]},"hasMore":"No","hasMoreItems":false}""";

    private static HttpResponseMessage Csv(string csv) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
    };

    // meeting-list-put

    [Fact]
    public async Task meeting_list_put_sends_the_window_filters_and_flat_paging_in_the_body()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(ListPath, 200, """{"data":{"list":[{"meetingId":"m1"}]},"hasMore":"Yes","hasMoreItems":true}""");

        var body = ResultAssert.Success(await h.CallAsync("meeting-list-put", new
        {
            start = "2026-03-02T00:00:00Z",
            end = "2026-03-09T00:00:00Z",
            workspaceIds = new[] { "ws1" },
            status = new[] { "Active", "NoShow" },
            assigneeIds = new[] { "u1" },
            hostIds = new[] { "u2" },
            guestEmail = " lena@example.com ",
            meetingTypeIds = new[] { TypeId },
            pagination = new { page = 1, pageSize = 20 },
        }));

        Assert.Equal("Yes", body.GetProperty("hasMore").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal("https://cp.test/api/fire-edge/v2/org/meetings/meetings", sent.Uri.ToString());
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        Assert.Equal(
            """{"start":"2026-03-02T00:00:00Z","end":"2026-03-09T00:00:00Z","workspaceIds":["ws1"],"status":["Active","NoShow"],"assigneeIds":["u1"],"hostIds":["u2"],"guestEmail":"lena@example.com","meetingTypeIds":["f6000000-0000-4000-8000-000000000001"],"page":1,"pageSize":20}""",
            sent.Body);
    }

    [Fact]
    public async Task meeting_list_put_sends_instants_in_utc_and_leaves_out_what_was_not_given()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(ListPath, 200, EmptyList);

        ResultAssert.Success(await h.CallAsync("meeting-list-put", new { start = "2026-03-02T09:30:00-03:00", end = "2026-03-03", workspaceIds = Array.Empty<string>() }));

        Assert.Equal("""{"start":"2026-03-02T12:30:00Z","end":"2026-03-03T00:00:00Z"}""", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task meeting_list_put_accepts_exactly_seven_days()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(ListPath, 200, EmptyList);

        ResultAssert.Success(await h.CallAsync("meeting-list-put", new { start = "2026-03-01T10:00:00Z", end = "2026-03-08T10:00:00Z" }));

        Assert.Single(h.Upstream.Requests);
    }

    [Theory]
    [InlineData("meeting-list-put")]
    [InlineData("meeting-export-v2-put")]
    public async Task A_range_over_seven_days_is_refused_before_calling_with_advice_to_split_it(string tool)
    {
        await using var h = await ToolHarness.StartAsync();

        var result = await h.CallAsync(tool, new { start = "2026-03-01T00:00:00Z", end = "2026-03-08T00:00:01Z" });

        var error = ResultAssert.Error(result, "DATE_RANGE_TOO_LONG");
        Assert.Equal("end", error.GetProperty("parameter").GetString());
        Assert.Contains("7 days", error.GetProperty("message").GetString());
        Assert.Contains("Split", error.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Theory]
    [InlineData("2026-03-02T00:00:00Z", "2026-03-02T00:00:00Z", "INVALID_DATE_RANGE", "end")]
    [InlineData("2026-03-03T00:00:00Z", "2026-03-02T00:00:00Z", "INVALID_DATE_RANGE", "end")]
    [InlineData("yesterday", "2026-03-02T00:00:00Z", "INVALID_ARGUMENT", "start")]
    [InlineData("2026-03-02T00:00:00Z", " ", "INVALID_ARGUMENT", "end")]
    public async Task meeting_list_put_refuses_a_bad_window(string start, string end, string code, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("meeting-list-put", new { start, end }));

        Assert.Equal(code, error.GetProperty("code").GetString());

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Theory]
    [InlineData(-1, null, "pagination.page")]
    [InlineData(null, 0, "pagination.pageSize")]
    [InlineData(null, 51, "pagination.pageSize")]
    public async Task meeting_list_put_refuses_bad_paging(int? page, int? pageSize, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("meeting-list-put", new
        {
            start = "2026-03-02T00:00:00Z",
            end = "2026-03-03T00:00:00Z",
            pagination = new { page, pageSize },
        }));

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task meeting_list_put_refuses_a_meeting_type_id_that_is_not_a_uuid()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("meeting-list-put", new
        {
            start = "2026-03-02T00:00:00Z",
            end = "2026-03-03T00:00:00Z",
            meetingTypeIds = new[] { "demo" },
        }));

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());

        Assert.Equal("meetingTypeIds", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task meeting_list_put_is_a_read_and_is_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "1" });
        var calls = 0;
        h.Upstream.On(ListPath, _ => ++calls == 1 ? FakeUpstream.Json(503, "{}") : FakeUpstream.Json(200, EmptyList));

        ResultAssert.Success(await h.CallAsync("meeting-list-put", new { start = "2026-03-02T00:00:00Z", end = "2026-03-03T00:00:00Z" }));

        Assert.Equal(2, h.Upstream.Requests.Count);
    }

    [Fact]
    public async Task meeting_list_put_passes_a_plain_text_decoding_failure_through()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On(ListPath, _ => FakeUpstream.Text(400, "Invalid value for: body"));

        var error = ResultAssert.Error(await h.CallAsync("meeting-list-put", new { start = "2026-03-02T00:00:00Z", end = "2026-03-03T00:00:00Z" }), status: 400);

        Assert.Equal("Invalid value for: body", error.GetProperty("message").GetString());
        Assert.Contains("Fix the argument", error.GetProperty("next").GetString());
    }

    // meeting-get

    [Fact]
    public async Task meeting_get_reads_the_meeting_by_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/meetings/get/{MeetingId}", 200, $$"""{"data":{"id":"{{MeetingId}}","meetingStatus":"Active"},"hasMore":"No"}""");

        var body = ResultAssert.Success(await h.CallAsync("meeting-get", new { meetingId = MeetingId }));

        Assert.Equal("Active", body.GetProperty("data").GetProperty("meetingStatus").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("", sent.Query);
        Assert.Equal("", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Theory]
    [InlineData("meeting-get")]
    [InlineData("meeting-cancel")]
    [InlineData("meeting-noshow")]
    [InlineData("meeting-activity")]
    public async Task A_meeting_id_that_is_not_a_uuid_is_refused_before_calling(string tool)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync(tool, new { meetingId = "m-123" }));

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());

        Assert.Equal("meetingId", error.GetProperty("parameter").GetString());
        Assert.Contains("meeting-list-put", error.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task meeting_get_unknown_maps_the_not_found_code_to_a_search_hint()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/meetings/get/{MeetingId}", 404, """{"errorCode":"MeetingNotFound","errorMessage":"Meeting not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("meeting-get", new { meetingId = MeetingId }), "MeetingNotFound", 404);

        Assert.Equal("Meeting not found", error.GetProperty("message").GetString());
        Assert.Contains("meeting-list-put", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task meeting_get_with_a_revoked_token_says_to_reauthorise()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/meetings/get/{MeetingId}", 401, """{"errorCode":"Unauthorized","errorMessage":"Invalid or revoked API token."}""");

        var error = ResultAssert.Error(await h.CallAsync("meeting-get", new { meetingId = MeetingId }), "Unauthorized", 401);

        Assert.Contains("re-authorise", error.GetProperty("next").GetString());
    }

    // meeting-export-v2-put

    [Fact]
    public async Task meeting_export_puts_the_filters_asks_for_csv_and_returns_the_file()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On(ExportPath, _ => Csv("meetingId,bookedAt\nm1,2026-03-01T10:00:00.000Z\nm2,2026-03-01T11:00:00.000Z\n"));

        var body = ResultAssert.Success(await h.CallAsync("meeting-export-v2-put", new
        {
            start = "2026-03-02T00:00:00Z",
            end = "2026-03-08T00:00:00Z",
            bookerIds = new[] { "u3" },
            hostIds = new[] { "u2" },
            status = new[] { "Canceled" },
        }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        Assert.Contains("text/csv", sent.Header("accept"));
        Assert.Equal("""{"start":"2026-03-02T00:00:00Z","end":"2026-03-08T00:00:00Z","hostIds":["u2"],"bookerIds":["u3"],"status":["Canceled"]}""", sent.Body);
        Assert.Equal(2, body.GetProperty("rowCount").GetInt32());
        Assert.Equal(2, body.GetProperty("totalRows").GetInt32());
        Assert.False(body.GetProperty("truncated").GetBoolean());
        Assert.StartsWith("meetingId,bookedAt\nm1,", body.GetProperty("data").GetString());
        Assert.EndsWith(".csv", body.GetProperty("filename").GetString());
        Assert.False(body.TryGetProperty("_note", out _));
    }

    [Fact]
    public async Task meeting_export_cuts_a_large_file_on_a_row_boundary_and_says_how_much_is_left_out()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:ExportMaxBytes"] = "55" });
        // Header 20 bytes, rows 18, 13 and 9: header and two rows fit in 55. The first row holds a quoted line break.
        const string csv = "meetingId,guestName\nm1,\"Ana\nda Silva\"\nm2,\"Bob, Jr\"\nm3,Carol\n";
        h.Upstream.On(ExportPath, _ => Csv(csv));

        var body = ResultAssert.Success(await h.CallAsync("meeting-export-v2-put", new { start = "2026-03-02T00:00:00Z", end = "2026-03-03T00:00:00Z" }));

        Assert.True(body.GetProperty("truncated").GetBoolean());
        Assert.Equal(2, body.GetProperty("rowCount").GetInt32());
        Assert.Equal(3, body.GetProperty("totalRows").GetInt32());
        Assert.Equal("meetingId,guestName\nm1,\"Ana\nda Silva\"\nm2,\"Bob, Jr\"\n", body.GetProperty("data").GetString());
        var note = body.GetProperty("_note").GetString();
        Assert.Contains("2 of 3 rows", note);
        Assert.Contains("Narrow", note);
    }

    [Fact]
    public async Task meeting_export_counts_bytes_not_characters()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:ExportMaxBytes"] = "20" });
        // "id\n" is 3 bytes; "ção\n" is 6 bytes in UTF-8 but 4 characters.
        h.Upstream.On(ExportPath, _ => Csv("id\nção\nção\nção\nção\n"));

        var body = ResultAssert.Success(await h.CallAsync("meeting-export-v2-put", new { start = "2026-03-02T00:00:00Z", end = "2026-03-03T00:00:00Z" }));

        Assert.Equal(2, body.GetProperty("rowCount").GetInt32());
        Assert.Equal(4, body.GetProperty("totalRows").GetInt32());
    }

    [Fact]
    public async Task meeting_export_accepts_the_file_wrapped_in_json()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(ExportPath, 200, """{"filename":"meetings-export-1.csv","data":"meetingId\nm1\n"}""");

        var body = ResultAssert.Success(await h.CallAsync("meeting-export-v2-put", new { start = "2026-03-02T00:00:00Z", end = "2026-03-03T00:00:00Z" }));

        Assert.Equal("meetings-export-1.csv", body.GetProperty("filename").GetString());
        Assert.Equal(1, body.GetProperty("rowCount").GetInt32());
    }

    [Fact]
    public async Task meeting_export_with_a_token_lacking_meeting_read_gets_the_missing_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(ExportPath, 403, """{"errorCode":"Forbidden","errorMessage":"Missing permission meeting.read required by operation meetingExportV2Put"}""");

        var error = ResultAssert.Error(await h.CallAsync("meeting-export-v2-put", new { start = "2026-03-02T00:00:00Z", end = "2026-03-03T00:00:00Z" }), "Forbidden", 403);

        Assert.Contains("meeting.read", error.GetProperty("message").GetString());
        Assert.Contains("permission", error.GetProperty("next").GetString());
    }

    // meeting-cancel and meeting-noshow

    [Theory]
    [InlineData("meeting-cancel", "cancel")]
    [InlineData("meeting-noshow", "noshow")]
    public async Task A_status_change_is_a_get_on_its_path_and_returns_success(string tool, string segment)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/meetings/{segment}/{MeetingId}", 200, """{"type":"Success"}""");

        var body = ResultAssert.Success(await h.CallAsync(tool, new { meetingId = MeetingId }));

        Assert.Equal("Success", body.GetProperty("type").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("", sent.Query);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Theory]
    [InlineData("meeting-cancel", "cancel", "Meeting is already canceled")]
    [InlineData("meeting-noshow", "noshow", "Meeting has not started yet")]
    public async Task A_failure_inside_a_200_becomes_an_error_result_with_the_reason(string tool, string segment, string reason)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/meetings/{segment}/{MeetingId}", 200, $$"""{"type":"Failure","reason":"{{reason}}"}""");

        var error = ResultAssert.Error(await h.CallAsync(tool, new { meetingId = MeetingId }), "Failure", 200);

        Assert.Equal(reason, error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("meeting-cancel", "cancel")]
    [InlineData("meeting-noshow", "noshow")]
    public async Task A_status_change_is_never_retried_and_a_5xx_leaves_the_outcome_unknown(string tool, string segment)
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/meetings/{segment}/{MeetingId}", 502, """{"errorCode":"BadGateway","errorMessage":"upstream down"}""");

        var error = ResultAssert.Error(await h.CallAsync(tool, new { meetingId = MeetingId }), status: 502);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task meeting_cancel_with_a_read_only_token_names_the_missing_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/meetings/cancel/{MeetingId}", 403, """{"errorCode":"Forbidden","errorMessage":"Missing permission meeting.modify required by operation meetingCancel"}""");

        var error = ResultAssert.Error(await h.CallAsync("meeting-cancel", new { meetingId = MeetingId }), "Forbidden", 403);

        Assert.Contains("meeting.modify", error.GetProperty("message").GetString());
    }

    // meeting-activity

    [Theory]
    [InlineData("\"https://acme.chilipiper.com/admin/meetings/x/activity\"")]
    [InlineData("""{"url":"https://acme.chilipiper.com/admin/meetings/x/activity"}""")]
    public async Task meeting_activity_returns_the_link_as_url(string upstreamBody)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/meetings/activity/{MeetingId}", 200, upstreamBody);

        var body = ResultAssert.Success(await h.CallAsync("meeting-activity", new { meetingId = MeetingId }));

        Assert.Equal("https://acme.chilipiper.com/admin/meetings/x/activity", body.GetProperty("url").GetString());
        Assert.Equal(HttpMethod.Get, h.Upstream.Single().Method);
        Assert.Equal("Bearer cp_test_token", h.Upstream.Single().Header("authorization"));
    }
}
