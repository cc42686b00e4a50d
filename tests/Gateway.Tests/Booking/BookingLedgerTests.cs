using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Gateway.Booking;
using Serverless.Tools.Catalog;
using Serverless.Tools.ChiliPiper;
using Serverless.Tools.Errors;
using static Serverless.Gateway.Tests.Booking.LedgerKit;

namespace Serverless.Gateway.Tests.Booking;

/// <summary>The ledger's rules for a scheduling-link session, on a manual clock.</summary>
public sealed class BookingLedgerTests
{
    [Fact]
    public async Task An_offered_slot_books_once_and_a_replay_returns_the_recorded_booking()
    {
        var kit = new LedgerKit();
        await kit.OpenAsync(Alice, "route-1");

        var first = await kit.BookAsync(Alice, "route-1", Offered[2]);
        var replay = await kit.BookAsync(Alice, "route-1", Offered[2]);

        Assert.True(first.IsError is not true, Text(first));
        Assert.False(AlreadyBooked(first));
        Assert.True(replay.IsError is not true, Text(replay));
        Assert.True(AlreadyBooked(replay));
        Assert.Equal("meeting-1", MeetingId(replay));
        Assert.Contains("already booked", replay.StructuredContent!.Value.GetProperty("_note").GetString());
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task A_start_time_written_with_another_offset_is_the_same_slot()
    {
        var kit = new LedgerKit();
        await kit.OpenAsync(Alice, "route-1");

        var result = await kit.BookAsync(Alice, "route-1", "2030-01-07T07:00:00.000-03:00");

        Assert.True(result.IsError is not true, Text(result));
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task A_session_the_gateway_never_saw_is_refused_without_calling_the_upstream()
    {
        var kit = new LedgerKit();

        var result = await kit.BookAsync(Alice, "route-from-elsewhere", Offered[0]);

        Assert.Equal(BookingResults.SessionUnknown, Code(result));
        Assert.Equal("routeId", Error(result).GetProperty("parameter").GetString());
        Assert.Contains("scheduling-link-init", Error(result).GetProperty("next").GetString());
        Assert.Contains("not called", Text(result));
        Assert.Equal(0, kit.Calls);
    }

    [Fact]
    public async Task Another_callers_session_is_refused_and_nothing_about_it_is_revealed()
    {
        var kit = new LedgerKit();
        await kit.OpenAsync(Alice, "route-1");

        var intruder = await kit.BookAsync(Bob, "route-1", Offered[2]);
        var offSlot = await kit.BookAsync(Bob, "route-1", "2030-01-07T12:00:00Z");
        var owner = await kit.BookAsync(Alice, "route-1", Offered[2]);
        var afterBooking = await kit.BookAsync(Bob, "route-1", Offered[2]);

        foreach (var refused in new[] { intruder, offSlot, afterBooking })
        {
            Assert.Equal(BookingResults.SessionNotYours, Code(refused));
            var everything = Text(refused) + JsonSerializer.Serialize(refused.StructuredContent);
            Assert.DoesNotContain("2030-01-07", everything.Replace("2030-01-07T12:00:00Z", "", StringComparison.Ordinal));
            Assert.DoesNotContain("meeting-", everything);
            Assert.DoesNotContain(Alice, everything);
        }

        Assert.True(owner.IsError is not true, Text(owner));
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task A_session_books_until_its_ttl_and_is_refused_as_expired_after()
    {
        var kit = new LedgerKit(new BookingOptions { SessionTtlMinutes = 15 });
        await kit.OpenAsync(Alice, "route-early");
        await kit.OpenAsync(Alice, "route-late");

        kit.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        var inTime = await kit.BookAsync(Alice, "route-early", Offered[0]);
        kit.Time.Advance(TimeSpan.FromSeconds(1));
        var late = await kit.BookAsync(Alice, "route-late", Offered[0]);

        Assert.True(inTime.IsError is not true, Text(inTime));
        Assert.Equal(BookingResults.SessionExpired, Code(late));
        Assert.Contains("expired at 2030-01-06T12:15:00Z", Error(late).GetProperty("message").GetString());
        Assert.Contains("scheduling-link-init again", Error(late).GetProperty("next").GetString());
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task A_slot_that_was_not_offered_is_refused_with_the_nearest_offered_ones_and_the_session_stays_open()
    {
        var kit = new LedgerKit();
        await kit.OpenAsync(Alice, "route-1");

        var refused = await kit.BookAsync(Alice, "route-1", "2030-01-07T10:15:00Z");
        var booked = await kit.BookAsync(Alice, "route-1", Offered[3]);

        Assert.Equal(BookingResults.SlotNotOffered, Code(refused));
        var error = Error(refused);
        Assert.Equal("body.startTime", error.GetProperty("parameter").GetString());
        Assert.Equal(Offered.Length, error.GetProperty("offeredCount").GetInt32());
        var shown = error.GetProperty("offeredStartTimes").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(5, shown.Length);
        Assert.Equal(["2030-01-07T10:00:00Z", "2030-01-07T10:30:00Z"], shown.Take(2).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("2030-01-07T15:00:00Z", shown);
        Assert.True(booked.IsError is not true, Text(booked));
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task An_upstream_failure_spends_the_session_and_later_calls_are_told_to_run_phase_one_again()
    {
        var kit = new LedgerKit
        {
            Tool = (_, _) => Task.FromResult(ToolResults.Error(ToolError.FromUpstream(new UpstreamError(Upstream.ChiliPiper, 200, "Failure", "The slot is no longer available.")))),
        };
        await kit.OpenAsync(Alice, "route-1");

        var failed = await kit.BookAsync(Alice, "route-1", Offered[0]);
        var again = await kit.BookAsync(Alice, "route-1", Offered[0]);
        var otherSlot = await kit.BookAsync(Alice, "route-1", Offered[1]);

        Assert.Equal("Failure", Code(failed));
        Assert.Contains("run scheduling-link-init again", Error(failed).GetProperty("next").GetString());
        Assert.Contains("run scheduling-link-init again", Text(failed));
        Assert.Equal(BookingResults.SessionFailed, Code(again));
        Assert.Equal(BookingResults.SessionFailed, Code(otherSlot));
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task An_outcome_unknown_blocks_the_session_and_points_at_the_meeting_list()
    {
        var kit = new LedgerKit
        {
            Tool = (_, _) => Task.FromResult(ToolResults.Error(ToolError.FromUpstream(
                new UpstreamError(Upstream.ChiliPiper, 0, "TIMEOUT", "No answer within 30 s.", OutcomeUnknown: true)))),
        };
        await kit.OpenAsync(Alice, "route-1");

        var unknown = await kit.BookAsync(Alice, "route-1", Offered[0]);
        var again = await kit.BookAsync(Alice, "route-1", Offered[0]);

        Assert.Equal("TIMEOUT", Code(unknown));
        Assert.Contains(BookingResults.CheckTool, Error(unknown).GetProperty("next").GetString());
        Assert.Equal(BookingResults.OutcomeUnknown, Code(again));
        Assert.Contains(BookingResults.CheckTool, Error(again).GetProperty("next").GetString());
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task A_tool_that_throws_leaves_the_outcome_unknown()
    {
        var kit = new LedgerKit { Tool = (_, _) => throw new InvalidOperationException("lost after sending") };
        await kit.OpenAsync(Alice, "route-1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => kit.BookAsync(Alice, "route-1", Offered[0]));
        var again = await kit.BookAsync(Alice, "route-1", Offered[0]);

        Assert.Equal(BookingResults.OutcomeUnknown, Code(again));
        Assert.Equal(1, kit.Calls);
    }

    public static TheoryData<string> Unprocessed => ["INVALID_ARGUMENT", "CREDENTIAL_MISSING", "429", "401"];

    [Theory]
    [MemberData(nameof(Unprocessed))]
    public async Task A_call_that_never_got_processed_upstream_leaves_the_session_open_for_the_same_slot(string kind)
    {
        var kit = new LedgerKit();
        var refusal = kind switch
        {
            "INVALID_ARGUMENT" => ToolResults.Error(ToolError.FromArgument(new ToolArgumentException("body.guestEmail", "Not an email address."))),
            "CREDENTIAL_MISSING" => await ToolResults.RunAsync(() => throw new MissingCredentialException(Upstream.ChiliPiper, "Send a token.")),
            _ => ToolResults.Error(ToolError.FromUpstream(new UpstreamError(Upstream.ChiliPiper, int.Parse(kind, System.Globalization.CultureInfo.InvariantCulture), null, "No."))),
        };
        kit.Tool = (n, _) => Task.FromResult(n == 1 ? refusal : ToolResults.Success(new JsonObject { ["meetingId"] = "meeting-2" }));
        await kit.OpenAsync(Alice, "route-1");

        var first = await kit.BookAsync(Alice, "route-1", Offered[0]);
        var second = await kit.BookAsync(Alice, "route-1", Offered[0]);

        Assert.True(first.IsError);
        Assert.DoesNotContain("Booking session", Text(first));
        Assert.True(second.IsError is not true, Text(second));
        Assert.Equal("meeting-2", MeetingId(second));
        Assert.Equal(2, kit.Calls);
    }

    [Fact]
    public async Task A_failure_inside_a_successful_result_is_not_recorded_as_a_booking()
    {
        var kit = new LedgerKit
        {
            Tool = (_, _) => Task.FromResult(ToolResults.Success(new JsonObject
            {
                ["host"] = "u-1",
                ["scheduleMeetingResult"] = new JsonObject { ["type"] = "Failure", ["details"] = "taken" },
            })),
        };
        await kit.OpenAsync(Alice, "route-1");

        await kit.BookAsync(Alice, "route-1", Offered[0]);
        var again = await kit.BookAsync(Alice, "route-1", Offered[0]);

        Assert.Equal(BookingResults.SessionFailed, Code(again));
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task A_duplicate_while_the_booking_runs_is_told_to_check_the_meeting_list_and_later_gets_the_booking()
    {
        var kit = new LedgerKit(new BookingOptions { InProgressWaitSeconds = 0 });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.Tool = async (n, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return ToolResults.Success(new JsonObject { ["meetingId"] = $"meeting-{n}" });
        };
        await kit.OpenAsync(Alice, "route-1");

        var running = kit.BookAsync(Alice, "route-1", Offered[0]);
        await WaitUntilAsync(() => kit.Calls == 1);
        var duplicate = await kit.BookAsync(Alice, "route-1", Offered[0]);
        gate.SetResult();
        var booked = await running;
        var later = await kit.BookAsync(Alice, "route-1", Offered[0]);

        Assert.Equal(BookingResults.InProgress, Code(duplicate));
        Assert.Contains(BookingResults.CheckTool, Error(duplicate).GetProperty("next").GetString());
        Assert.Equal("meeting-1", MeetingId(booked));
        Assert.True(AlreadyBooked(later));
        Assert.Equal("meeting-1", MeetingId(later));
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task Concurrent_duplicates_wait_for_the_one_booking_and_all_get_its_meeting()
    {
        var kit = new LedgerKit(new BookingOptions { InProgressWaitSeconds = 30 }, storeLatency: TimeSpan.FromMilliseconds(20));
        kit.Tool = async (n, ct) =>
        {
            await Task.Delay(200, ct);
            return ToolResults.Success(new JsonObject { ["meetingId"] = $"meeting-{n}" });
        };
        await kit.OpenAsync(Alice, "route-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => kit.BookAsync(Alice, "route-1", Offered[0]))));

        Assert.All(results, r => Assert.True(r.IsError is not true, Text(r)));
        Assert.All(results, r => Assert.Equal("meeting-1", MeetingId(r)));
        Assert.Equal(9, results.Count(AlreadyBooked));
        Assert.Equal(1, kit.Calls);
    }

    [Fact]
    public async Task A_call_without_a_start_time_is_refused_as_an_argument_error()
    {
        var kit = new LedgerKit();
        await kit.OpenAsync(Alice, "route-1");

        var result = await kit.BookAsync(Alice, TwoPhaseBooking.SchedulingLink, new JsonObject { ["routeId"] = "route-1", ["body"] = new JsonObject() });
        var garbled = await kit.BookAsync(Alice, "route-1", "next tuesday");

        Assert.Equal("INVALID_ARGUMENT", Code(result));
        Assert.Equal("body.startTime", Error(result).GetProperty("parameter").GetString());
        Assert.Equal("INVALID_ARGUMENT", Code(garbled));
        Assert.Equal(0, kit.Calls);
    }

    [Fact]
    public async Task A_phase_one_answer_cannot_reopen_a_booked_session()
    {
        var kit = new LedgerKit();
        await kit.OpenAsync(Alice, "route-1");
        await kit.BookAsync(Alice, "route-1", Offered[0]);

        await kit.OpenAsync(Alice, "route-1");
        var replay = await kit.BookAsync(Alice, "route-1", Offered[1]);

        Assert.True(AlreadyBooked(replay));
        Assert.Equal("meeting-1", MeetingId(replay));
        Assert.Equal(1, kit.Calls);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached");
    }
}
