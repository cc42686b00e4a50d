using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class HandoffToolsTests
{
    private const string Init = "POST /api/fire-edge/v1/org/handoff/workspace/w1/booker/u1/init-simple";
    private const string Schedule = "POST /api/fire-edge/v1/org/handoff/routing/s1/router/r1/path/p1/booker/u1/schedule-simple";
    private const string InitAnswer = """{"routingId":"s1","guestEmail":"ana@acme.example","routers":[{"routerId":"r1","pathResults":[{"pathId":"p1","startTimes":[{"startTime":"2026-03-02T15:00:00.000Z","attendees":[]}]}]}]}""";
    private static readonly object Week = new { startsAt = "2026-03-02T00:00:00Z", duration = "7 days" };

    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task init_by_email_posts_a_guest_email_request_to_the_workspace_and_booker_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(Init, 200, InitAnswer);

        var result = ResultAssert.Success(await h.CallAsync("handoff-init", new
        {
            workspaceId = "w1", userId = "u1", guestEmail = "ana@acme.example", interval = Week, routerId = "r1",
        }));

        Assert.Equal("s1", result.GetProperty("routingId").GetString());
        Assert.Contains("handoff-schedule", result.GetProperty("_note").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        var body = Body(sent);
        Assert.Equal("GuestEmailRequest", body.GetProperty("type").GetString());
        Assert.Equal("ana@acme.example", body.GetProperty("guestEmail").GetString());
        Assert.Equal("7 days", body.GetProperty("interval").GetProperty("duration").GetString());
        Assert.Equal("r1", body.GetProperty("routerId").GetString());
        Assert.False(body.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task init_by_crm_record_posts_a_crm_request()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(Init, 200, InitAnswer);

        ResultAssert.Success(await h.CallAsync("handoff-init", new
        {
            workspaceId = "w1", userId = "u1", type = "CrmRequest", id = new { type = "LeadId", value = "00Q1" }, interval = Week,
        }));

        Assert.Equal(
            """{"type":"CrmRequest","id":{"type":"LeadId","value":"00Q1"},"interval":{"startsAt":"2026-03-02T00:00:00Z","duration":"7 days"}}""",
            h.Upstream.Single().Body);
    }

    public static TheoryData<string, string> BadInits => new()
    {
        { "guestEmail", """{"workspaceId":"w1","userId":"u1","interval":{"startsAt":"2026-03-02T00:00:00Z","duration":"7 days"}}""" },
        { "guestEmail", """{"workspaceId":"w1","userId":"u1","guestEmail":"a@b.example","id":{"type":"LeadId","value":"1"},"interval":{"startsAt":"2026-03-02T00:00:00Z","duration":"7 days"}}""" },
        { "id", """{"workspaceId":"w1","userId":"u1","type":"CrmRequest","interval":{"startsAt":"2026-03-02T00:00:00Z","duration":"7 days"}}""" },
        { "id", """{"workspaceId":"w1","userId":"u1","type":"GuestEmailRequest","guestEmail":"a@b.example","id":{"type":"LeadId","value":"1"},"interval":{"startsAt":"2026-03-02T00:00:00Z","duration":"7 days"}}""" },
        { "guestEmail", """{"workspaceId":"w1","userId":"u1","guestEmail":"nobody","interval":{"startsAt":"2026-03-02T00:00:00Z","duration":"7 days"}}""" },
        { "interval.duration", """{"workspaceId":"w1","userId":"u1","guestEmail":"a@b.example","interval":{"startsAt":"2026-03-02T00:00:00Z","duration":"0 days"}}""" },
        { "userId", """{"workspaceId":"w1","userId":" ","guestEmail":"a@b.example","interval":{"startsAt":"2026-03-02T00:00:00Z","duration":"7 days"}}""" },
    };

    [Theory]
    [MemberData(nameof(BadInits))]
    public async Task init_refuses_an_unclear_prospect_or_window_before_calling(string parameter, string arguments)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("handoff-init", JsonDocument.Parse(arguments).RootElement));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task init_with_an_unknown_workspace_maps_the_vendor_code()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(Init, 404, """{"errorCode":"WorkspaceNotFound","errorMessage":"Workspace w1 not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("handoff-init", new { workspaceId = "w1", userId = "u1", guestEmail = "a@b.example", interval = Week }),
            "WorkspaceNotFound", 404);

        Assert.Contains("workspace-list", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task schedule_posts_start_time_location_and_zone_to_the_full_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(Schedule, 200, """{"meetingTypeId":"m","host":{"id":"u2"},"selectedAssignees":[],"scheduleMeetingResult":{"type":"Success","meetingId":"mt1"}}""");

        var result = ResultAssert.Success(await h.CallAsync("handoff-schedule", new
        {
            routingId = "s1", routerId = "r1", pathId = "p1", userId = "u1",
            startTime = "2026-03-02T15:00:00.000Z", location = new { type = "AskTheGuest", index = 0 }, guestTimezone = "Europe/Berlin",
        }));

        Assert.Equal("mt1", result.GetProperty("scheduleMeetingResult").GetProperty("meetingId").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        Assert.Equal("""{"startTime":"2026-03-02T15:00:00.000Z","location":{"type":"AskTheGuest","index":0},"guestTimezone":"Europe/Berlin"}""", sent.Body);
    }

    [Fact]
    public async Task schedule_needs_an_instant()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("handoff-schedule", new { routingId = "s1", routerId = "r1", pathId = "p1", userId = "u1", startTime = "tomorrow" }));

        Assert.Equal("startTime", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task schedule_failure_nested_in_the_result_is_an_error_and_is_never_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson(Schedule, 200, """{"meetingTypeId":"m","selectedAssignees":[],"scheduleMeetingResult":{"type":"Failure","details":"slot no longer available"}}""");

        var error = ResultAssert.Error(await h.CallAsync("handoff-schedule", new
        {
            routingId = "s1", routerId = "r1", pathId = "p1", userId = "u1", startTime = "2026-03-02T15:00:00Z",
        }), "Failure", 200);

        Assert.Equal("slot no longer available", error.GetProperty("message").GetString());
        Assert.Contains("handoff-init", error.GetProperty("next").GetString());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task schedule_with_a_read_only_token_names_the_missing_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(Schedule, 403, """{"errorCode":"Forbidden","errorMessage":"Missing permission handoff.schedule required by operation handoffSchedule"}""");

        var error = ResultAssert.Error(await h.CallAsync("handoff-schedule", new
        {
            routingId = "s1", routerId = "r1", pathId = "p1", userId = "u1", startTime = "2026-03-02T15:00:00Z",
        }), "Forbidden", 403);

        Assert.Contains("handoff.schedule", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task schedule_on_an_expired_session_says_to_run_init_again()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(Schedule, 404, """{"errorCode":"RoutingSessionNotFound","errorMessage":"Routing session s1 not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("handoff-schedule", new
        {
            routingId = "s1", routerId = "r1", pathId = "p1", userId = "u1", startTime = "2026-03-02T15:00:00Z",
        }), "RoutingSessionNotFound", 404);

        Assert.Contains("handoff-init", error.GetProperty("next").GetString());
    }
}
