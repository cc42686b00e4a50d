using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class ConciergeToolsTests
{
    private const string Base = "/api/fire-edge/v1/org/concierge";
    private const string RouterId = "a2b9c4d5-e8f7-4b2a-9c3d-5e6f7a8b9c0d";
    private const string Routed = """{"routingId":"s1","startTimes":["2026-03-02T15:00:00.000Z"],"schedulingAllowed":true,"distributionIds":[],"assignments":[],"failures":{}}""";
    private static readonly object Week = new { startsAt = "2026-03-02T00:00:00Z", duration = "7 days" };

    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task list_routers_posts_without_a_body_and_passes_the_workspace_as_query()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routers/concierge/list", 200, """{"routers":[]}""");

        ResultAssert.Success(await h.CallAsync("concierge-list-routers", new { workspaceId = "w1" }));
        ResultAssert.Success(await h.CallAsync("concierge-list-routers"));

        var (filtered, all) = (h.Upstream.Requests[0], h.Upstream.Requests[1]);
        Assert.Equal("?workspaceId=w1", filtered.Query);
        Assert.Equal("", filtered.Body);
        Assert.Equal("", all.Query);
        Assert.Equal("Bearer cp_test_token", all.Header("authorization"));
    }

    [Fact]
    public async Task route_by_slug_posts_form_interval_and_options_to_the_slug_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routers/inbound-demo/rest", 200, Routed);

        var result = ResultAssert.Success(await h.CallAsync("concierge-route-by-slug", new
        {
            routerSlug = "inbound-demo",
            form = new { PersonEmail = "ana@acme.example", CompanyEmployees = 250 },
            interval = Week,
            options = new { locale = "en" },
            meetingTypeOverride = new { meetingDurationOverride = "45 minutes" },
        }));

        Assert.Contains("concierge-schedule", result.GetProperty("_note").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        var body = Body(sent);
        Assert.Equal("ana@acme.example", body.GetProperty("form").GetProperty("PersonEmail").GetString());
        Assert.Equal(250, body.GetProperty("form").GetProperty("CompanyEmployees").GetInt32());
        Assert.Equal("7 days", body.GetProperty("interval").GetProperty("duration").GetString());
        Assert.Equal("en", body.GetProperty("options").GetProperty("locale").GetString());
        Assert.Equal("45 minutes", body.GetProperty("meetingTypeOverride").GetProperty("meetingDurationOverride").GetString());
        Assert.False(body.TryGetProperty("routerId", out _));
    }

    [Fact]
    public async Task route_without_an_interval_says_no_booking_is_possible()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routers/inbound-demo/rest", 200, """{"routingId":"s1","routingLink":"https://x/router","schedulingAllowed":true}""");

        var result = ResultAssert.Success(await h.CallAsync("concierge-route-by-slug", new { routerSlug = "inbound-demo", form = new { PersonEmail = "ana@acme.example" } }));

        Assert.Contains("No booking is possible without an interval", result.GetProperty("_note").GetString());
        Assert.Equal("""{"form":{"PersonEmail":"ana@acme.example"}}""", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task route_of_a_disqualified_lead_says_nothing_can_be_booked()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routers/inbound-demo/rest", 200, """{"routingId":"s1","schedulingAllowed":false,"startTimes":[]}""");

        var result = ResultAssert.Success(await h.CallAsync("concierge-route-by-slug", new { routerSlug = "inbound-demo", form = new { PersonEmail = "a@b.example" }, interval = Week }));

        Assert.Contains("not allowed to schedule", result.GetProperty("_note").GetString());
    }

    [Fact]
    public async Task route_names_the_router_by_id_in_the_body()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routers/rest", 200, Routed);

        ResultAssert.Success(await h.CallAsync("concierge-route", new { routerId = RouterId, form = new { PersonEmail = "ana@acme.example" }, interval = Week }));

        var body = Body(h.Upstream.Single());
        Assert.Equal(RouterId, body.GetProperty("routerId").GetString());
        Assert.Equal("ana@acme.example", body.GetProperty("form").GetProperty("PersonEmail").GetString());
    }

    [Theory]
    [InlineData("concierge-route-by-slug", """{"routerSlug":"Inbound Demo","form":{"PersonEmail":"a@b.example"}}""", "routerSlug")]
    [InlineData("concierge-route-by-slug", """{"routerSlug":"inbound-demo","form":{}}""", "form")]
    [InlineData("concierge-route-by-slug", """{"routerSlug":"inbound-demo","form":"a@b.example"}""", "form")]
    [InlineData("concierge-route-by-slug", """{"routerSlug":"inbound-demo","form":{"PersonEmail":"a@b.example"},"options":"en"}""", "options")]
    [InlineData("concierge-route-by-slug", """{"routerSlug":"inbound-demo","form":{"PersonEmail":"a@b.example"},"interval":{"startsAt":"2026-03-02T00:00:00Z","duration":"soon"}}""", "interval.duration")]
    [InlineData("concierge-route", """{"routerId":"","form":{"PersonEmail":"a@b.example"}}""", "routerId")]
    public async Task route_arguments_are_checked_before_calling(string tool, string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync(tool, JsonDocument.Parse(arguments).RootElement));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task route_of_an_unknown_router_maps_the_vendor_code()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routers/nope/rest", 404, """{"errorCode":"ConciergeRouterNotFound","errorMessage":"Concierge router nope not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("concierge-route-by-slug", new { routerSlug = "nope", form = new { PersonEmail = "a@b.example" } }), "ConciergeRouterNotFound", 404);

        Assert.Contains("list the resources", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task route_is_not_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson($"POST {Base}/routers/inbound-demo/rest", 503, """{"errorCode":"Unavailable","errorMessage":"try later"}""");

        var error = ResultAssert.Error(await h.CallAsync("concierge-route-by-slug", new { routerSlug = "inbound-demo", form = new { PersonEmail = "a@b.example" } }), status: 503);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task schedule_posts_the_body_to_the_routing_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routing/s1/schedule-simple", 200, """{"type":"Success","meetingId":"m1"}""");

        var result = ResultAssert.Success(await h.CallAsync("concierge-schedule", new { routingId = "s1", body = new { startTime = "2026-03-02T15:00:00.000Z" } }));

        Assert.Equal("m1", result.GetProperty("meetingId").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal("""{"startTime":"2026-03-02T15:00:00.000Z"}""", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task schedule_needs_a_start_time()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("concierge-schedule", new { routingId = "s1", body = new { guestEmail = "a@b.example" } }));

        Assert.Equal("body.startTime", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task schedule_failure_is_an_error_telling_to_route_again()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routing/s1/schedule-simple", 200, """{"type":"Failure","reason":"session already used"}""");

        var error = ResultAssert.Error(await h.CallAsync("concierge-schedule", new { routingId = "s1", body = new { startTime = "2026-03-02T15:00:00Z" } }), "Failure", 200);

        Assert.Equal("session already used", error.GetProperty("message").GetString());
        Assert.Contains("concierge-route", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task schedule_with_a_read_only_token_names_the_missing_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/routing/s1/schedule-simple", 403, """{"errorCode":"Forbidden","errorMessage":"Missing permission concierge.schedule required by operation conciergeSchedule"}""");

        var error = ResultAssert.Error(await h.CallAsync("concierge-schedule", new { routingId = "s1", body = new { startTime = "2026-03-02T15:00:00Z" } }), "Forbidden", 403);

        Assert.Contains("concierge.schedule", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task logs_send_every_input_as_query_parameters_and_no_body()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/logs", 200, """{"results":[],"total":0,"page":1,"pageSize":100}""");

        ResultAssert.Success(await h.CallAsync("concierge-logs", new
        {
            workspaceId = "w1", routerId = RouterId, start = "2026-03-01T00:00:00Z", end = "2026-03-31T00:00:00Z",
            pagination = new { page = 1, pageSize = 100 },
        }));

        var sent = h.Upstream.Single();
        Assert.Equal($"?workspaceId=w1&routerId={RouterId}&start=2026-03-01T00%3A00%3A00Z&end=2026-03-31T00%3A00%3A00Z&page=1&pageSize=100", sent.Query);
        Assert.Equal("", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task logs_refuse_a_window_over_30_days_naming_the_limit()
    {
        await using var h = await ToolHarness.StartAsync();

        var result = await h.CallAsync("concierge-logs", new { workspaceId = "w1", routerId = RouterId, start = "2026-03-01T00:00:00Z", end = "2026-04-01T00:00:01Z" });

        var error = ResultAssert.Error(result, "LogsIntervalTooLong");
        Assert.Equal("end", error.GetProperty("parameter").GetString());
        Assert.Contains("30 days", error.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Theory]
    [InlineData("""{"workspaceId":"w1","routerId":"router-1","start":"2026-03-01T00:00:00Z","end":"2026-03-02T00:00:00Z"}""", "routerId")]
    [InlineData("""{"workspaceId":"w1","routerId":"a2b9c4d5-e8f7-4b2a-9c3d-5e6f7a8b9c0d","start":"2026-03-02T00:00:00Z","end":"2026-03-01T00:00:00Z"}""", "end")]
    [InlineData("""{"workspaceId":"w1","routerId":"a2b9c4d5-e8f7-4b2a-9c3d-5e6f7a8b9c0d","start":"march","end":"2026-03-01T00:00:00Z"}""", "start")]
    [InlineData("""{"workspaceId":"w1","routerId":"a2b9c4d5-e8f7-4b2a-9c3d-5e6f7a8b9c0d","start":"2026-03-01T00:00:00Z","end":"2026-03-02T00:00:00Z","pagination":{"pageSize":101}}""", "pagination.pageSize")]
    [InlineData("""{"workspaceId":"","routerId":"a2b9c4d5-e8f7-4b2a-9c3d-5e6f7a8b9c0d","start":"2026-03-01T00:00:00Z","end":"2026-03-02T00:00:00Z"}""", "workspaceId")]
    public async Task logs_arguments_are_checked_before_calling(string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("concierge-logs", JsonDocument.Parse(arguments).RootElement));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task logs_window_error_from_the_upstream_gets_the_split_advice()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/logs", 422, """{"errorCode":"LogsIntervalTooLong","errorMessage":"at most 30 days"}""");

        var error = ResultAssert.Error(await h.CallAsync("concierge-logs", new
        {
            workspaceId = "w1", routerId = RouterId, start = "2026-03-01T00:00:00Z", end = "2026-03-30T00:00:00+02:00",
        }), "LogsIntervalTooLong", 422);

        Assert.Contains("30 days", error.GetProperty("next").GetString());
    }
}
