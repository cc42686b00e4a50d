using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;
using static Serverless.Sandbox.ChiliPiper.ChiliPiperBookingSeed;
using static Serverless.Sandbox.ChiliPiper.ChiliPiperSeed;

namespace Serverless.Gateway.Tests;

/// <summary>
/// The three two-phase booking flows end to end through the C# SDK client, the gateway (with its session ledger)
/// and the sandbox twin: offer, book, see the meeting listed, cancel it, see it cancelled; and a repeated or
/// concurrent booking never creates a second meeting.
/// </summary>
public sealed class BookingFlowTests
{
    private static readonly object Week = new { startsAt = "2099-03-02T00:00:00Z", duration = "7 days" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> OkAsync(McpClient client, string tool, object arguments)
    {
        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments)), cancellationToken: Ct);
        Assert.True(result.IsError is not true, $"{tool}: {string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text))}");
        return result.StructuredContent!.Value;
    }

    private static string MeetingIdOf(JsonElement booked)
        => (booked.TryGetProperty("scheduleMeetingResult", out var nested) ? nested : booked).GetProperty("meetingId").GetString()!;

    /// <summary>Lists the meeting through meeting-list-put over the 7-day window around it and returns its status.</summary>
    private static async Task<string> ListedStatusAsync(McpClient client, string meetingId, string startTime)
    {
        var at = DateTimeOffset.Parse(startTime, CultureInfo.InvariantCulture);
        var listed = await OkAsync(client, "meeting-list-put", new
        {
            start = at.AddDays(-1).ToString("O", CultureInfo.InvariantCulture),
            end = at.AddDays(1).ToString("O", CultureInfo.InvariantCulture),
        });
        var item = Assert.Single(listed.GetProperty("data").GetProperty("list").EnumerateArray(), m => m.GetProperty("meetingId").GetString() == meetingId);
        return item.GetProperty("meetingStatus").GetString()!;
    }

    private static async Task BookListCancelAsync(GatewayHost host, McpClient client, string meetingId, string startTime)
    {
        Assert.Single(host.Sandbox.State.ChiliPiper.GetMeetings(), m => m.Id == meetingId);
        Assert.Equal("Active", await ListedStatusAsync(client, meetingId, startTime));

        await OkAsync(client, "meeting-cancel", new { meetingId });

        Assert.Contains(await ListedStatusAsync(client, meetingId, startTime), new[] { "Canceled", "Cancelled" });
    }

    [Fact]
    public async Task Concierge_route_by_slug_then_schedule_then_list_then_cancel()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var routed = await OkAsync(client, "concierge-route-by-slug", new
        {
            routerSlug = InboundDemoRouterSlug,
            form = new { PersonEmail = "lead@flow.example", PersonFirstName = "Lia" },
            interval = Week,
        });
        var slot = routed.GetProperty("startTimes")[0].GetString()!;
        var booked = await OkAsync(client, "concierge-schedule", new { routingId = routed.GetProperty("routingId").GetString(), body = new { startTime = slot } });

        await BookListCancelAsync(host, client, MeetingIdOf(booked), slot);
    }

    [Fact]
    public async Task Handoff_init_then_schedule_then_list_then_cancel()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var offered = await OkAsync(client, "handoff-init", new { workspaceId = SalesWorkspaceId, userId = AliceAdminId, guestEmail = "prospect@flow.example", interval = Week });
        var router = offered.GetProperty("routers")[0];
        var path = router.GetProperty("pathResults").EnumerateArray().First(p => p.GetProperty("startTimes").GetArrayLength() > 0);
        var slot = path.GetProperty("startTimes")[0].GetProperty("startTime").GetString()!;
        var booked = await OkAsync(client, "handoff-schedule", new
        {
            routingId = offered.GetProperty("routingId").GetString(),
            routerId = router.GetProperty("routerId").GetString(),
            pathId = path.GetProperty("pathId").GetString(),
            userId = AliceAdminId,
            startTime = slot,
        });

        await BookListCancelAsync(host, client, MeetingIdOf(booked), slot);
    }

    [Fact]
    public async Task Scheduling_link_init_then_schedule_then_list_then_cancel()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var offered = await OkAsync(client, "scheduling-link-init", new { link = new { slug = SalesDemoLinkSlug }, interval = Week, guestEmail = "guest@flow.example" });
        var slot = offered.GetProperty("startTimes")[0].GetString()!;
        var booked = await OkAsync(client, "scheduling-link-schedule", new { routeId = offered.GetProperty("routeId").GetString(), body = new { startTime = slot } });

        await BookListCancelAsync(host, client, MeetingIdOf(booked), slot);
    }

    [Fact]
    public async Task A_retried_schedule_returns_the_recorded_booking_and_books_nothing_more()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var routed = await OkAsync(client, "concierge-route-by-slug", new { routerSlug = InboundDemoRouterSlug, form = new { PersonEmail = "retry@flow.example" }, interval = Week });
        var schedule = new { routingId = routed.GetProperty("routingId").GetString(), body = new { startTime = routed.GetProperty("startTimes")[0].GetString() } };

        var first = await OkAsync(client, "concierge-schedule", schedule);
        var again = await OkAsync(client, "concierge-schedule", schedule);

        Assert.Equal(MeetingIdOf(first), MeetingIdOf(again));
        Assert.True(again.GetProperty("alreadyBooked").GetBoolean());
        Assert.Single(host.Sandbox.State.ChiliPiper.GetMeetings(), m => m.GuestEmail == "retry@flow.example");
    }

    [Fact]
    public async Task Concurrent_schedules_for_one_session_create_exactly_one_meeting()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var offered = await OkAsync(client, "scheduling-link-init", new { link = new { slug = SalesDemoLinkSlug }, interval = Week, guestEmail = "race@flow.example" });
        var routeId = offered.GetProperty("routeId").GetString();
        var slots = offered.GetProperty("startTimes").EnumerateArray().Select(s => s.GetString()).Take(3).ToArray();

        // Eight clients race, some even asking for different offered times; one booking may happen.
        var racers = Enumerable.Range(0, 8).Select(async i =>
        {
            await using var racer = await host.ConnectAsync("/mcp", Credentials.Both);
            return await racer.CallToolAsync("scheduling-link-schedule", new Dictionary<string, object?>
            {
                ["routeId"] = routeId,
                ["body"] = new Dictionary<string, object?> { ["startTime"] = slots[i % slots.Length] },
            }, cancellationToken: Ct);
        });
        var results = await Task.WhenAll(racers);

        var meeting = Assert.Single(host.Sandbox.State.ChiliPiper.GetMeetings(), m => m.GuestEmail == "race@flow.example");
        Assert.All(results, r =>
        {
            Assert.True(r.IsError is not true, string.Join("\n", r.Content.OfType<TextContentBlock>().Select(t => t.Text)));
            Assert.Equal(meeting.Id, MeetingIdOf(r.StructuredContent!.Value));
        });
    }
}
