using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.ChiliPiper;
using static Serverless.Sandbox.ChiliPiper.ChiliPiperBookingSeed;
using static Serverless.Sandbox.ChiliPiper.ChiliPiperSeed;

namespace Serverless.Gateway.Tests;

/// <summary>The three two-phase booking flows through the gateway against the sandbox twin, which really books.</summary>
public sealed class BookingSandboxTests
{
    private static readonly object Week = new { startsAt = "2099-01-05T00:00:00Z", duration = "7 days" };

    private static readonly object EnterpriseLead = new { PersonEmail = "cto@bigcorp.example", PersonFirstName = "Rita", CompanyEmployees = "5000" };

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private static async Task<CallToolResult> CallAsync(McpClient client, string tool, object arguments)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(arguments))!
            .ToDictionary(p => p.Key, p => (object?)p.Value);
        return await client.CallToolAsync(tool, args, cancellationToken: TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> OkAsync(McpClient client, string tool, object arguments)
    {
        var result = await CallAsync(client, tool, arguments);
        Assert.True(result.IsError is not true, $"{tool}: {Text(result)}");
        return result.StructuredContent!.Value;
    }

    private static JsonElement Failure(CallToolResult result)
    {
        Assert.True(result.IsError, "expected a booking failure, got: " + Text(result));
        var error = result.StructuredContent!.Value.GetProperty("error");
        Assert.Equal("Failure", error.GetProperty("code").GetString());
        return error;
    }

    private static string[] StartTimes(JsonElement routed) => [.. routed.GetProperty("startTimes").EnumerateArray().Select(t => t.GetString()!)];

    [Fact]
    public async Task A_routed_lead_books_one_offered_slot_which_then_disappears_from_new_routings()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var routed = await OkAsync(client, "concierge-route-by-slug", new { routerSlug = InboundDemoRouterSlug, form = EnterpriseLead, interval = Week });
        Assert.True(routed.GetProperty("schedulingAllowed").GetBoolean());
        var slot = StartTimes(routed)[0];

        var booked = await OkAsync(client, "concierge-schedule", new { routingId = routed.GetProperty("routingId").GetString(), body = new { startTime = slot } });

        var meetingId = booked.GetProperty("meetingId").GetString();
        var meeting = Assert.Single(host.Sandbox.State.ChiliPiper.GetMeetings(), m => m.Id == meetingId);
        Assert.Equal(CarolCloserId, meeting.HostId);
        Assert.Equal("Concierge", meeting.Source);
        Assert.Equal("cto@bigcorp.example", meeting.GuestEmail);
        Assert.Equal(DateTimeOffset.Parse(slot, System.Globalization.CultureInfo.InvariantCulture), meeting.Start);
        Assert.Equal(TimeSpan.FromMinutes(45), meeting.End - meeting.Start);
        Assert.Equal("5000", meeting.FormData["CompanyEmployees"]);

        var again = await OkAsync(client, "concierge-route-by-slug", new { routerSlug = InboundDemoRouterSlug, form = EnterpriseLead, interval = Week });
        Assert.DoesNotContain(slot, StartTimes(again));
        Assert.NotEmpty(StartTimes(again));
    }

    [Fact]
    public async Task A_slot_taken_through_another_session_fails_in_the_first()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var first = await OkAsync(client, "concierge-route-by-slug", new { routerSlug = InboundDemoRouterSlug, form = EnterpriseLead, interval = Week });
        var second = await OkAsync(client, "concierge-route-by-slug", new { routerSlug = InboundDemoRouterSlug, form = EnterpriseLead, interval = Week });
        var slot = StartTimes(first)[0];
        Assert.Contains(slot, StartTimes(second));

        await OkAsync(client, "concierge-schedule", new { routingId = second.GetProperty("routingId").GetString(), body = new { startTime = slot } });
        var error = Failure(await CallAsync(client, "concierge-schedule", new { routingId = first.GetProperty("routingId").GetString(), body = new { startTime = slot } }));

        Assert.Contains("no longer available", error.GetProperty("message").GetString());
        Assert.Single(host.Sandbox.State.ChiliPiper.GetMeetings(), m => m.HostId == CarolCloserId && m.Start == DateTimeOffset.Parse(slot, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_round_robin_booking_goes_to_the_next_free_member_and_counts_the_assignment()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var before = host.Sandbox.State.ChiliPiper.GetDistributions().Single(d => d.Id == SalesRoundRobinId).UserStates.Values.Sum(s => s.Assigned);

        var routed = await OkAsync(client, "concierge-route", new
        {
            routerId = InboundDemoRouterId,
            form = new { PersonEmail = "ops@smallco.example", CompanyEmployees = "12" },
            interval = Week,
        });
        Assert.Equal(SalesRoundRobinId, routed.GetProperty("distributionIds")[0].GetString());
        var booked = await OkAsync(client, "concierge-schedule", new { routingId = routed.GetProperty("routingId").GetString(), body = new { startTime = StartTimes(routed)[0] } });

        var meeting = host.Sandbox.State.ChiliPiper.GetMeetings().Single(m => m.Id == booked.GetProperty("meetingId").GetString());
        Assert.Equal(SalesRoundRobinId, meeting.DistributionId);
        Assert.Contains(meeting.HostId, new[] { BobSellerId, CarolCloserId });
        var distribution = host.Sandbox.State.ChiliPiper.GetDistributions().Single(d => d.Id == SalesRoundRobinId);
        Assert.Equal(before + 1, distribution.UserStates.Values.Sum(s => s.Assigned));
    }

    [Fact]
    public async Task A_disqualified_lead_cannot_schedule()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var routed = await OkAsync(client, "concierge-route-by-slug", new
        {
            routerSlug = InboundDemoRouterSlug,
            form = new { PersonEmail = "spy@competitor.example" },
            interval = Week,
        });

        Assert.False(routed.GetProperty("schedulingAllowed").GetBoolean());
        Assert.Empty(StartTimes(routed));
        // Nothing was offered, so the gateway's ledger refuses before the twin is asked.
        var refused = await CallAsync(client, "concierge-schedule", new { routingId = routed.GetProperty("routingId").GetString(), body = new { startTime = "2099-01-05T16:00:00Z" } });
        Assert.True(refused.IsError);
        Assert.Equal("SLOT_NOT_OFFERED", refused.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain(host.Sandbox.State.ChiliPiper.GetMeetings(), m => m.GuestEmail == "spy@competitor.example");
    }

    [Fact]
    public async Task A_handoff_books_the_path_the_prospect_routed_to_as_the_rep()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var init = await OkAsync(client, "handoff-init", new { workspaceId = SalesWorkspaceId, userId = BobSellerId, guestEmail = "buyer@bigco.example", interval = Week });
        var router = init.GetProperty("routers").EnumerateArray().Single();
        var path = router.GetProperty("pathResults")[0];
        Assert.Equal(StrategicAccountsPathId, path.GetProperty("pathId").GetString());
        var slot = path.GetProperty("startTimes")[0].GetProperty("startTime").GetString();

        var booked = await OkAsync(client, "handoff-schedule", new
        {
            routingId = init.GetProperty("routingId").GetString(),
            routerId = router.GetProperty("routerId").GetString(),
            pathId = StrategicAccountsPathId,
            userId = BobSellerId,
            startTime = slot,
            guestTimezone = "Europe/Berlin",
        });

        Assert.Equal("Success", booked.GetProperty("scheduleMeetingResult").GetProperty("type").GetString());
        Assert.Equal(CarolCloserId, booked.GetProperty("host").GetProperty("id").GetString());
        var meeting = host.Sandbox.State.ChiliPiper.GetMeetings().Single(m => m.Id == booked.GetProperty("scheduleMeetingResult").GetProperty("meetingId").GetString());
        Assert.Equal("Handoff", meeting.Source);
        Assert.Equal(BobSellerId, meeting.BookerId);
        Assert.Equal("buyer@bigco.example", meeting.GuestEmail);
        Assert.Equal("Europe/Berlin", meeting.GuestTimeZone);
        Assert.Equal(DemoMeetingTypeId, meeting.MeetingTypeId);
    }

    [Fact]
    public async Task A_scheduling_link_books_once_and_a_second_schedule_on_the_session_returns_the_recorded_booking()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var init = await OkAsync(client, "scheduling-link-init", new { link = new { slug = SalesDemoLinkSlug }, interval = Week, guestEmail = "ana@acme.example" });
        var routeId = init.GetProperty("routeId").GetString();
        var slots = StartTimes(init);
        var booked = await OkAsync(client, "scheduling-link-schedule", new { routeId, body = new { startTime = slots[0], formData = new { PersonFirstName = "Ana" } } });

        var meetings = host.Sandbox.State.ChiliPiper.GetMeetings().Where(m => m.SourceId == routeId).ToArray();
        var meeting = Assert.Single(meetings);
        Assert.Equal(booked.GetProperty("meetingId").GetString(), meeting.Id);
        Assert.Equal("SchedulingLink", meeting.Source);
        Assert.Equal(SalesRoundRobinId, meeting.DistributionId);
        Assert.Equal("Ana", meeting.GuestName);

        // The gateway's ledger answers a repeat from its record; the twin would have refused the used session.
        var second = await OkAsync(client, "scheduling-link-schedule", new { routeId, body = new { startTime = slots[1] } });

        Assert.True(second.GetProperty("alreadyBooked").GetBoolean());
        Assert.Equal(meeting.Id, second.GetProperty("meetingId").GetString());
        Assert.Single(host.Sandbox.State.ChiliPiper.GetMeetings(), m => m.SourceId == routeId);
    }

    [Fact]
    public async Task An_expired_session_fails_books_nothing_and_is_logged_as_timed_out()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        await using var host = await GatewayHost.StartAsync(new() { ["ChiliPiper:BaseUrl"] = sandbox.ChiliPiperBaseUrl });
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var routed = await OkAsync(client, "concierge-route-by-slug", new { routerSlug = InboundDemoRouterSlug, form = EnterpriseLead, interval = Week });
        time.Advance(RoutingSession.Lifetime + TimeSpan.FromSeconds(1));

        var error = Failure(await CallAsync(client, "concierge-schedule", new { routingId = routed.GetProperty("routingId").GetString(), body = new { startTime = StartTimes(routed)[0] } }));

        Assert.Contains("expired", error.GetProperty("message").GetString());
        Assert.DoesNotContain(sandbox.State.ChiliPiper.GetMeetings(), m => m.GuestEmail == "cto@bigcorp.example");
        var logs = await OkAsync(client, "concierge-logs", new
        {
            workspaceId = SalesWorkspaceId,
            routerId = InboundDemoRouterId,
            start = time.GetUtcNow().AddDays(-1).ToString("O"),
            end = time.GetUtcNow().AddDays(1).ToString("O"),
        });
        var entry = Assert.Single(logs.GetProperty("results").EnumerateArray());
        Assert.Equal("TimedOut", entry.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_log_follows_a_routing_from_in_progress_to_scheduled()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var window = new
        {
            workspaceId = SalesWorkspaceId,
            routerId = InboundDemoRouterId,
            start = DateTimeOffset.UtcNow.AddHours(-1).ToString("O"),
            end = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
        };

        var routed = await OkAsync(client, "concierge-route-by-slug", new { routerSlug = InboundDemoRouterSlug, form = EnterpriseLead, interval = Week });
        var pending = (await OkAsync(client, "concierge-logs", window)).GetProperty("results")[0];
        var booked = await OkAsync(client, "concierge-schedule", new { routingId = routed.GetProperty("routingId").GetString(), body = new { startTime = StartTimes(routed)[0] } });
        var done = (await OkAsync(client, "concierge-logs", window)).GetProperty("results")[0];

        Assert.Equal("InProgress", pending.GetProperty("status").GetString());
        Assert.Equal("Scheduled", done.GetProperty("status").GetString());
        Assert.Equal(booked.GetProperty("meetingId").GetString(), done.GetProperty("meetingId").GetString());
        Assert.Equal(CarolCloserId, done.GetProperty("assignments")[0].GetProperty("userId").GetString());
        Assert.Equal("RuleRoute", done.GetProperty("matchedPath").GetProperty("route").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Availability_follows_working_hours_and_increments_and_leaves_out_booked_times()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var request = new
        {
            expectedHost = new { type = "User", userId = BobSellerId },
            attendees = new[] { new { type = "ManuallyAssigned", userId = BobSellerId, required = true } },
            meetingTypeRef = new { id = IntroCallMeetingTypeId, timestamp = "2026-01-01T00:00:00Z" },
            interval = Week,
        };

        var before = (await OkAsync(client, "availability-slots", request)).GetProperty("startTimes").EnumerateArray()
            .Select(s => DateTimeOffset.Parse(s.GetProperty("startTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // Bob works 09:00-17:00 Monday to Friday in Chicago (UTC-6 in January): 16 half-hour starts a day.
        Assert.Equal(5 * 16, before.Length);
        Assert.All(before, t => Assert.True(t.Minute % 30 == 0 && t.UtcDateTime.Hour is >= 15 and < 23 && t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), t.ToString("O")));

        var init = await OkAsync(client, "scheduling-link-init", new { link = new { slug = "bob-seller" }, meetingTypeId = IntroCallMeetingTypeId, interval = Week, guestEmail = "ana@acme.example" });
        var slot = StartTimes(init)[3];
        await OkAsync(client, "scheduling-link-schedule", new { routeId = init.GetProperty("routeId").GetString(), body = new { startTime = slot } });

        var after = (await OkAsync(client, "availability-slots", request)).GetProperty("startTimes").EnumerateArray().Select(s => s.GetProperty("startTime").GetString()).ToArray();
        Assert.Equal(before.Length - 1, after.Length);
        Assert.DoesNotContain(slot, after);
    }

    [Fact]
    public async Task Personal_links_are_a_bare_array_per_meeting_type_of_the_users_workspaces()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var links = (await OkAsync(client, "scheduling-link-list-personal", new { userId = BobSellerId })).GetProperty("result");
        var none = (await OkAsync(client, "scheduling-link-list-personal", new { userId = FrankNewhireId })).GetProperty("result");

        Assert.Equal(JsonValueKind.Array, links.ValueKind);
        Assert.Equal([IntroCallMeetingTypeId, DemoMeetingTypeId], links.EnumerateArray().Select(l => l.GetProperty("meetingTypeId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(links.EnumerateArray(), l => Assert.StartsWith("https://sandbox-demo.chilipiper.com/me/bob-seller/", l.GetProperty("bookingUrl").GetString()));
        Assert.Equal(0, none.GetArrayLength());
    }
}
