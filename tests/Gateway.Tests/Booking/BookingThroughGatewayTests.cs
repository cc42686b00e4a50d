using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Booking;
using static Serverless.Gateway.Tests.Booking.LedgerKit;

namespace Serverless.Gateway.Tests.Booking;

/// <summary>The ledger as a real MCP client meets it: through the gateway endpoint, over HTTP.</summary>
public sealed class BookingThroughGatewayTests
{
    private const string AliceToken = "cp_test_alice_token";
    private const string BobToken = "cp_test_bob_token";

    private static async Task<string> InitAsync(McpClient client)
    {
        var init = await client.CallToolAsync("scheduling-link-init", new Dictionary<string, object?> { ["link"] = new { slug = "demo" } },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(init.IsError is not true, Text(init));
        return init.StructuredContent!.Value.GetProperty("routeId").GetString()!;
    }

    private static Task<CallToolResult> ScheduleAsync(McpClient client, string routeId, string startTime) =>
        client.CallToolAsync("scheduling-link-schedule", new Dictionary<string, object?>
        {
            ["routeId"] = routeId,
            ["body"] = new { startTime, guestEmail = "lead@example.com" },
        }, cancellationToken: TestContext.Current.CancellationToken).AsTask();

    [Fact]
    public async Task Ten_concurrent_duplicate_bookings_reach_the_backend_once_and_all_get_the_same_meeting()
    {
        await using var host = await BookingGatewayHost.StartAsync();
        await using var opener = await host.ConnectAsync(AliceToken);
        var routeId = await InitAsync(opener);

        var clients = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => host.ConnectAsync(AliceToken)));
        try
        {
            var results = await Task.WhenAll(clients.Select(c => ScheduleAsync(c, routeId, FakeBookingBackend.StartTimes[1])));

            Assert.All(results, r => Assert.True(r.IsError is not true, Text(r)));
            var booking = Assert.Single(host.Backend.Bookings);
            Assert.All(results, r => Assert.Equal(booking.MeetingId, MeetingId(r)));
            Assert.Equal(9, results.Count(AlreadyBooked));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_replay_after_success_returns_the_recorded_booking_without_a_second_backend_call()
    {
        await using var host = await BookingGatewayHost.StartAsync();
        await using var client = await host.ConnectAsync(AliceToken);
        var routeId = await InitAsync(client);

        var booked = await ScheduleAsync(client, routeId, "2030-01-07T11:00:00+02:00");
        var replay = await ScheduleAsync(client, routeId, FakeBookingBackend.StartTimes[0]);

        Assert.True(booked.IsError is not true, Text(booked));
        Assert.True(replay.IsError is not true, Text(replay));
        Assert.True(AlreadyBooked(replay));
        Assert.Equal(MeetingId(booked), MeetingId(replay));
        Assert.Contains("already booked", Text(replay));
        Assert.Single(host.Backend.Bookings);
    }

    [Fact]
    public async Task Another_bearer_token_cannot_book_on_the_session_and_the_audit_line_names_the_refusal()
    {
        await using var host = await BookingGatewayHost.StartAsync();
        await using var alice = await host.ConnectAsync(AliceToken);
        await using var bob = await host.ConnectAsync(BobToken);
        var routeId = await InitAsync(alice);

        var result = await ScheduleAsync(bob, routeId, FakeBookingBackend.StartTimes[0]);

        Assert.True(result.IsError);
        Assert.Equal(BookingResults.SessionNotYours, result.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("2030-01-07", Text(result) + JsonSerializer.Serialize(result.StructuredContent).Replace(FakeBookingBackend.StartTimes[0], ""));
        Assert.Empty(host.Backend.Bookings);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Tool scheduling-link-schedule -> error " + BookingResults.SessionNotYours, StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(AliceToken, StringComparison.Ordinal) || l.Contains(BobToken, StringComparison.Ordinal));
    }
}
