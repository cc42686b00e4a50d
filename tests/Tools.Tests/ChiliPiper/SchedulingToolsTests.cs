using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class SchedulingToolsTests
{
    private const string Base = "/api/fire-edge/v1/org/schedulingLinks";
    private const string MeetingType = "4a8f2b3c-7d1e-4f9b-8a2c-3d5e6f789012";
    private const string Links = """{"links":[{"workspaceId":"w1","linkId":"l1","name":"Demo","slug":"demo","bookingUrl":"https://x"}]}""";

    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    // Theory rows stay serializable as JSON text.
    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public async Task list_personal_gets_the_user_path_and_keeps_the_bare_array()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET {Base}/list-personal/u1", 200, """[{"slug":"ana","meetingTypeId":"m1","meetingTypeName":"Intro","bookingUrl":"https://x"}]""");

        var body = ResultAssert.Success(await h.CallAsync("scheduling-link-list-personal", new { userId = "u1" }));

        Assert.Equal("ana", body.GetProperty("result")[0].GetProperty("slug").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        Assert.Equal("", sent.Body);
    }

    [Theory]
    [InlineData("scheduling-link-list-round-robin", "list-round-robin")]
    [InlineData("scheduling-link-list-admin-one-on-one", "list-admin-one-on-one")]
    [InlineData("scheduling-link-list-group", "list-group")]
    [InlineData("scheduling-link-list-ownership", "list-ownership")]
    public async Task list_tools_post_an_empty_filter_object_when_no_filter_is_given(string tool, string path)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/{path}", 200, Links);

        var body = ResultAssert.Success(await h.CallAsync(tool));

        Assert.Equal("demo", body.GetProperty("links")[0].GetProperty("slug").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("{}", sent.Body);
        Assert.Equal("", sent.Query);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task round_robin_list_sends_each_filter_under_its_vendor_name_and_drops_empty_ones()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/list-round-robin", 200, Links);

        ResultAssert.Success(await h.CallAsync("scheduling-link-list-round-robin", new
        {
            filterWorkspaceIds = new[] { "w1" },
            filterLinkSlugs = new[] { "sales-demo" },
            filterMeetingTypeId = new[] { MeetingType },
            filterDistributionIds = Array.Empty<string>(),
        }));

        var body = Body(h.Upstream.Single());
        Assert.Equal("w1", body.GetProperty("filterWorkspaceIds")[0].GetString());
        Assert.Equal("sales-demo", body.GetProperty("filterLinkSlugs")[0].GetString());
        Assert.Equal(MeetingType, body.GetProperty("filterMeetingTypeId")[0].GetString());
        Assert.False(body.TryGetProperty("filterDistributionIds", out _));
    }

    [Fact]
    public async Task ownership_list_sends_distribution_filters()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/list-ownership", 200, Links);

        ResultAssert.Success(await h.CallAsync("scheduling-link-list-ownership", new { filterDistributionIds = new[] { "d1" } }));

        Assert.Equal("""{"filterDistributionIds":["d1"]}""", h.Upstream.Single().Body);
    }

    [Theory]
    [InlineData("filterLinkSlugs", "Sales Demo")]
    [InlineData("filterMeetingTypeId", "not-a-uuid")]
    [InlineData("filterWorkspaceIds", "a/b")]
    public async Task list_filters_are_checked_before_calling(string filter, string value)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("scheduling-link-list-group", new Dictionary<string, object> { [filter] = new[] { value } }));

        Assert.Equal(filter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task init_posts_link_interval_and_guest_fields()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/init-simple", 200, """{"routeId":"r1","startTimes":["2026-03-02T15:00:00.000Z"],"failures":{},"formFields":[]}""");

        var result = ResultAssert.Success(await h.CallAsync("scheduling-link-init", new
        {
            link = new { slug = "sales-demo" },
            interval = new { startsAt = "2026-03-02T00:00:00Z", duration = "7 days" },
            guestEmail = "ana@acme.example",
            guestTimezone = "Europe/Berlin",
            bookerId = "u2",
            meetingTypeId = MeetingType,
        }));

        Assert.Equal("r1", result.GetProperty("routeId").GetString());
        Assert.Contains("scheduling-link-schedule", result.GetProperty("_note").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        var body = Body(sent);
        Assert.Equal("sales-demo", body.GetProperty("link").GetProperty("slug").GetString());
        Assert.Equal("2026-03-02T00:00:00Z", body.GetProperty("interval").GetProperty("startsAt").GetString());
        Assert.Equal("7 days", body.GetProperty("interval").GetProperty("duration").GetString());
        Assert.Equal("ana@acme.example", body.GetProperty("guestEmail").GetString());
        Assert.Equal("Europe/Berlin", body.GetProperty("guestTimezone").GetString());
        Assert.Equal("u2", body.GetProperty("bookerId").GetString());
        Assert.Equal(MeetingType, body.GetProperty("meetingTypeId").GetString());
    }

    [Fact]
    public async Task init_accepts_a_link_id_and_leaves_out_what_was_not_given()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/init-simple", 200, """{"routeId":"r1","startTimes":[]}""");

        ResultAssert.Success(await h.CallAsync("scheduling-link-init", new { link = new { id = "l1" } }));

        Assert.Equal("""{"link":{"id":"l1"}}""", h.Upstream.Single().Body);
    }

    public static TheoryData<string, string> BadInits => new()
    {
        { "link", Json(new { link = new { name = "x" } }) },
        { "link", Json(new { link = new { slug = "a", id = "b" } }) },
        { "interval.duration", Json(new { link = new { slug = "a" }, interval = new { startsAt = "2026-03-02T00:00:00Z", duration = "a week" } }) },
        { "interval.startsAt", Json(new { link = new { slug = "a" }, interval = new { startsAt = "monday", duration = "P7D" } }) },
        { "guestEmail", Json(new { link = new { slug = "a" }, guestEmail = "ana" }) },
        { "meetingTypeId", Json(new { link = new { slug = "a" }, meetingTypeId = "intro" }) },
    };

    [Theory]
    [MemberData(nameof(BadInits))]
    public async Task init_refuses_malformed_arguments_before_calling(string parameter, string arguments)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("scheduling-link-init", Parse(arguments)));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task init_for_an_ownership_link_without_guest_email_maps_the_vendor_code()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/init-simple", 422, """{"errorCode":"GuestEmailRequired","errorMessage":"guestEmail is required"}""");

        var error = ResultAssert.Error(await h.CallAsync("scheduling-link-init", new { link = new { slug = "account-owner" } }), "GuestEmailRequired", 422);

        Assert.Contains("guestEmail", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task schedule_posts_the_body_to_the_route_path_and_returns_the_meeting()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routing/r1/schedule-simple", 200, """{"type":"Success","meetingId":"m1"}""");

        var result = ResultAssert.Success(await h.CallAsync("scheduling-link-schedule", new
        {
            routeId = "r1",
            body = new { startTime = "2026-03-02T15:00:00.000Z", guestEmail = "ana@acme.example", formData = new { PersonFirstName = "Ana" } },
        }));

        Assert.Equal("m1", result.GetProperty("meetingId").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        var body = Body(sent);
        Assert.Equal("2026-03-02T15:00:00.000Z", body.GetProperty("startTime").GetString());
        Assert.Equal("Ana", body.GetProperty("formData").GetProperty("PersonFirstName").GetString());
    }

    [Theory]
    [InlineData("""{"guestEmail":"ana@acme.example"}""", "body.startTime")]
    [InlineData("""{"startTime":"soon"}""", "body.startTime")]
    [InlineData("""{"startTime":"2026-03-02T15:00:00Z","guestEmail":"ana"}""", "body.guestEmail")]
    [InlineData("""{"startTime":"2026-03-02T15:00:00Z","formData":"x"}""", "body.formData")]
    [InlineData("""["2026-03-02T15:00:00Z"]""", "body")]
    public async Task schedule_needs_an_object_with_a_start_time(string body, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("scheduling-link-schedule", new { routeId = "r1", body = JsonDocument.Parse(body).RootElement }));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task schedule_failure_inside_a_200_is_an_error_telling_to_start_over_and_is_not_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson($"POST {Base}/routing/r1/schedule-simple", 200, """{"type":"Failure","reason":"session expired"}""");

        var error = ResultAssert.Error(await h.CallAsync("scheduling-link-schedule", new { routeId = "r1", body = new { startTime = "2026-03-02T15:00:00Z" } }), "Failure", 200);

        Assert.Equal("session expired", error.GetProperty("message").GetString());
        Assert.Contains("phase 1 again", error.GetProperty("next").GetString());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task schedule_on_an_unknown_session_maps_the_vendor_code()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routing/gone/schedule-simple", 404, """{"errorCode":"RoutingSessionNotFound","errorMessage":"Routing session gone not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("scheduling-link-schedule", new { routeId = "gone", body = new { startTime = "2026-03-02T15:00:00Z" } }), "RoutingSessionNotFound", 404);

        Assert.Contains("phase 1 again", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task schedule_with_a_read_only_token_gets_the_permission_it_lacks()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routing/r1/schedule-simple", 403,
            """{"errorCode":"Forbidden","errorMessage":"Missing permission scheduling-links.schedule required by operation schedulingLinkSchedule"}""");

        var error = ResultAssert.Error(await h.CallAsync("scheduling-link-schedule", new { routeId = "r1", body = new { startTime = "2026-03-02T15:00:00Z" } }), "Forbidden", 403);

        Assert.Contains("scheduling-links.schedule", error.GetProperty("message").GetString());
        Assert.Contains("permission", error.GetProperty("next").GetString());
    }

    private static object SlotsArguments(object? attendees = null, object? expectedHost = null) => new
    {
        expectedHost = expectedHost ?? new { type = "User", userId = "u1" },
        attendees = attendees ?? new object[]
        {
            new { type = "ManuallyAssigned", userId = "u1", required = true },
            new { type = "DistributionAssignee", distributionId = "d1", required = false },
        },
        meetingTypeRef = new { id = MeetingType, timestamp = "2026-03-01T00:00:00Z" },
        interval = new { startsAt = "2026-03-02T00:00:00Z", duration = "P7D" },
        meetingTypeOverride = new { meetingDurationOverride = "45 minutes" },
    };

    [Fact]
    public async Task availability_slots_posts_the_whole_request_and_is_a_retried_read()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "1" });
        var calls = 0;
        h.Upstream.On("POST /api/fire-edge/v1/org/availability/slots", _ => ++calls == 1
            ? FakeUpstream.Json(503, "{}")
            : FakeUpstream.Json(200, """{"meetingTypeRef":{"id":"m"},"startTimes":[],"failures":{}}"""));

        ResultAssert.Success(await h.CallAsync("availability-slots", SlotsArguments()));

        Assert.Equal(2, h.Upstream.Requests.Count);
        var sent = h.Upstream.Requests[^1];
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        var body = Body(sent);
        Assert.Equal("User", body.GetProperty("expectedHost").GetProperty("type").GetString());
        Assert.Equal(2, body.GetProperty("attendees").GetArrayLength());
        Assert.False(body.GetProperty("attendees")[1].GetProperty("required").GetBoolean());
        Assert.Equal(MeetingType, body.GetProperty("meetingTypeRef").GetProperty("id").GetString());
        Assert.Equal("P7D", body.GetProperty("interval").GetProperty("duration").GetString());
        Assert.Equal("45 minutes", body.GetProperty("meetingTypeOverride").GetProperty("meetingDurationOverride").GetString());
        Assert.False(body.GetProperty("meetingTypeOverride").TryGetProperty("availabilityIncrementOverride", out _));
    }

    public static TheoryData<string, string> BadSlots => new()
    {
        { "attendees[0]", Json(SlotsArguments(attendees: new object[] { new { type = "ManuallyAssigned", userId = "u1" } })) },
        { "attendees[0]", Json(SlotsArguments(attendees: new object[] { new { type = "Someone", userId = "u1", required = true } })) },
        { "attendees[0]", Json(SlotsArguments(attendees: new object[] { new { type = "AssignedViaTeam", userId = "u1", required = true } })) },
        { "attendees[0]", Json(SlotsArguments(attendees: new object[] { new { type = "DistributionAssignee", required = true } })) },
        { "attendees", Json(SlotsArguments(attendees: Array.Empty<object>())) },
        { "expectedHost", Json(SlotsArguments(expectedHost: new { type = "Team", teamId = "t1" })) },
        { "expectedHost", Json(SlotsArguments(expectedHost: new { type = "AssigneeFromDistribution" })) },
    };

    [Theory]
    [MemberData(nameof(BadSlots))]
    public async Task availability_slots_checks_attendees_and_host_before_calling(string parameter, string arguments)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("availability-slots", Parse(arguments)));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task availability_slots_checks_the_meeting_type_ref_and_override()
    {
        await using var h = await ToolHarness.StartAsync();
        var badRef = ResultAssert.Error(await h.CallAsync("availability-slots", new
        {
            expectedHost = new { type = "User", userId = "u1" },
            attendees = new[] { new { type = "ManuallyAssigned", userId = "u1", required = true } },
            meetingTypeRef = new { id = "intro", timestamp = "2026-03-01T00:00:00Z" },
            interval = new { startsAt = "2026-03-02T00:00:00Z", duration = "7 days" },
        }));
        var badOverride = ResultAssert.Error(await h.CallAsync("availability-slots", new
        {
            expectedHost = new { type = "User", userId = "u1" },
            attendees = new[] { new { type = "ManuallyAssigned", userId = "u1", required = true } },
            meetingTypeRef = new { id = MeetingType, timestamp = "2026-03-01T00:00:00Z" },
            interval = new { startsAt = "2026-03-02T00:00:00Z", duration = "7 days" },
            meetingTypeOverride = new { availabilityIncrementOverride = "often" },
        }));

        Assert.Equal("meetingTypeRef.id", badRef.GetProperty("parameter").GetString());
        Assert.Equal("meetingTypeOverride.availabilityIncrementOverride", badOverride.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task availability_slots_plain_text_400_is_passed_through()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On("POST /api/fire-edge/v1/org/availability/slots", _ => FakeUpstream.Text(400, "Invalid value for: body"));

        var error = ResultAssert.Error(await h.CallAsync("availability-slots", SlotsArguments()), status: 400);

        Assert.Equal("Invalid value for: body", error.GetProperty("message").GetString());
        Assert.Contains("Fix the argument", error.GetProperty("next").GetString());
    }
}
