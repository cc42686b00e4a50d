using System.Text.Json.Nodes;
using Serverless.Gateway.Booking;
using Serverless.Tools.ChiliPiper;
using Serverless.Tools.Errors;
using static Serverless.Gateway.Tests.Booking.LedgerKit;

namespace Serverless.Gateway.Tests.Booking;

/// <summary>The flows whose sessions look different: handoff (slots per router and path) and concierge (a session only with an interval).</summary>
public sealed class HandoffAndConciergeLedgerTests
{
    private static JsonObject HandoffInit() => JsonNode.Parse("""
        {
          "routingId": "routing-h1",
          "guestEmail": "lead@example.com",
          "routers": [
            {
              "routerId": "router-a",
              "pathResults": [
                { "type": "Meeting", "pathId": "path-1", "startTimes": [ { "startTime": "2030-01-07T09:00:00Z", "attendees": ["u-1"] }, { "startTime": "2030-01-07T09:30:00Z" } ] },
                { "type": "Fork", "pathId": "path-fork",
                  "live": { "pathId": "path-live" },
                  "later": { "pathId": "path-later", "startTimes": [ { "startTime": "2030-01-08T16:00:00+02:00" } ] } }
              ]
            },
            { "routerId": "router-b", "pathResults": [ { "pathId": "path-9", "startTimes": [ "2030-01-09T09:00:00Z" ] } ] }
          ]
        }
        """)!.AsObject();

    private static JsonObject HandoffSchedule(string routerId, string pathId, string startTime) => new()
    {
        ["routingId"] = "routing-h1",
        ["routerId"] = routerId,
        ["pathId"] = pathId,
        ["userId"] = "rep-1",
        ["startTime"] = startTime,
    };

    private static async Task<LedgerKit> HandoffKitAsync()
    {
        var kit = new LedgerKit
        {
            Tool = (n, _) => Task.FromResult(ToolResults.Success(new JsonObject
            {
                ["meetingTypeId"] = "mt-1",
                ["scheduleMeetingResult"] = new JsonObject { ["type"] = "Success", ["meetingId"] = $"meeting-{n}" },
            })),
        };
        await kit.Ledger.RecordPhaseOneAsync(Alice, TwoPhaseBooking.Handoff, "handoff-init", Result(HandoffInit()), CancellationToken.None);
        return kit;
    }

    [Fact]
    public void Handoff_offers_are_read_per_router_and_path_including_the_later_branch_of_a_fork()
    {
        Assert.True(TwoPhaseBooking.Handoff.TryReadOffer(Result(HandoffInit()).StructuredContent!.Value, out var id, out var offered));

        Assert.Equal("routing-h1", id);
        Assert.Equal(
            ["router-a/path-1/2030-01-07T09:00:00Z", "router-a/path-1/2030-01-07T09:30:00Z", "router-a/path-later/2030-01-08T16:00:00+02:00", "router-b/path-9/2030-01-09T09:00:00Z"],
            offered.Select(s => $"{s.RouterId}/{s.PathId}/{s.Offered}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Handoff_books_an_offered_path_and_time_and_replays_the_meeting_nested_in_the_result()
    {
        var kit = await HandoffKitAsync();

        var booked = await kit.BookAsync(Alice, TwoPhaseBooking.Handoff, HandoffSchedule("router-a", "path-later", "2030-01-08T14:00:00Z"));
        var replay = await kit.BookAsync(Alice, TwoPhaseBooking.Handoff, HandoffSchedule("router-a", "path-later", "2030-01-08T14:00:00Z"));

        Assert.True(booked.IsError is not true, Text(booked));
        Assert.True(AlreadyBooked(replay));
        Assert.Equal("meeting-1", replay.StructuredContent!.Value.GetProperty("scheduleMeetingResult").GetProperty("meetingId").GetString());
        Assert.Equal("meeting-1", (await kit.Store.GetAsync("handoff:routing-h1", CancellationToken.None))!.MeetingId);
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task Handoff_refuses_a_path_that_was_not_offered_and_a_time_offered_only_on_another_path()
    {
        var kit = await HandoffKitAsync();

        var wrongPath = await kit.BookAsync(Alice, TwoPhaseBooking.Handoff, HandoffSchedule("router-a", "path-live", "2030-01-07T09:00:00Z"));
        var wrongRouter = await kit.BookAsync(Alice, TwoPhaseBooking.Handoff, HandoffSchedule("router-z", "path-1", "2030-01-07T09:00:00Z"));
        var otherPathsTime = await kit.BookAsync(Alice, TwoPhaseBooking.Handoff, HandoffSchedule("router-a", "path-1", "2030-01-09T09:00:00Z"));

        Assert.Equal(BookingResults.SlotNotOffered, Code(wrongPath));
        Assert.Equal("pathId", Error(wrongPath).GetProperty("parameter").GetString());
        Assert.Contains(Error(wrongPath).GetProperty("offeredPaths").EnumerateArray(),
            p => p.GetProperty("routerId").GetString() == "router-a" && p.GetProperty("pathId").GetString() == "path-later");
        Assert.Equal("routerId", Error(wrongRouter).GetProperty("parameter").GetString());
        Assert.Equal(BookingResults.SlotNotOffered, Code(otherPathsTime));
        Assert.Equal("startTime", Error(otherPathsTime).GetProperty("parameter").GetString());
        Assert.Equal(["2030-01-07T09:30:00Z", "2030-01-07T09:00:00Z"],
            Error(otherPathsTime).GetProperty("offeredStartTimes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, kit.Calls);
    }

    [Fact]
    public async Task A_concierge_route_without_an_interval_opens_no_session()
    {
        var kit = new LedgerKit();
        await kit.Ledger.RecordPhaseOneAsync(Alice, TwoPhaseBooking.Concierge, "concierge-route-by-slug",
            Result(new JsonObject { ["routingLink"] = "https://example.chilipiper.com/r/abc" }), CancellationToken.None);

        var result = await kit.BookAsync(Alice, TwoPhaseBooking.Concierge,
            new JsonObject { ["routingId"] = "abc", ["body"] = new JsonObject { ["startTime"] = "2030-01-07T09:00:00Z" } });

        Assert.Equal(0, kit.Store.Count);
        Assert.Equal(BookingResults.SessionUnknown, Code(result));
        Assert.Contains("concierge-route-by-slug", Error(result).GetProperty("next").GetString());
    }

    [Fact]
    public async Task A_concierge_route_with_an_interval_books_its_start_time_given_in_the_body()
    {
        var kit = new LedgerKit();
        await kit.Ledger.RecordPhaseOneAsync(Alice, TwoPhaseBooking.Concierge, "concierge-route",
            Result(new JsonObject
            {
                ["routingId"] = "routing-c1",
                ["schedulingAllowed"] = true,
                ["startTimes"] = new JsonArray("2030-01-07T09:00:00Z", "2030-01-07T09:15:00Z"),
            }), CancellationToken.None);

        var booked = await kit.BookAsync(Alice, TwoPhaseBooking.Concierge,
            new JsonObject { ["routingId"] = "routing-c1", ["body"] = new JsonObject { ["startTime"] = "2030-01-07T09:15:00.000Z" } });
        var scheduling = await kit.BookAsync(Alice, "routing-c1", "2030-01-07T09:15:00Z");

        Assert.True(booked.IsError is not true, Text(booked));
        // Ids of one flow mean nothing in another.
        Assert.Equal(BookingResults.SessionUnknown, Code(scheduling));
        Assert.Equal(1, kit.Calls);
    }
}
