using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Serverless.Tools.ChiliPiper;

namespace Serverless.Gateway.Booking;

/// <summary>The wording of each ledger refusal: what happened, and what the model should do instead.</summary>
internal static class BookingRefusals
{
    private const int SlotsShown = 5;

    public static CallToolResult Unknown(TwoPhaseBooking flow) => BookingResults.Refusal(
        BookingResults.SessionUnknown, flow.SessionIdName,
        $"This gateway holds no booking session with that {flow.SessionIdName}: it was not opened through this gateway, or too long ago.",
        $"Run {flow.PhaseOneName} through this gateway, then book one of the start times it returns with the {flow.SessionIdName} it returns.");

    // Says nothing about the session itself: its slots, state and owner stay private.
    public static CallToolResult NotYours(TwoPhaseBooking flow) => BookingResults.Refusal(
        BookingResults.SessionNotYours, flow.SessionIdName,
        "This booking session was opened by another caller.",
        $"Book only on sessions your own {flow.PhaseOneName} call returned; run it to get one.");

    public static CallToolResult Expired(TwoPhaseBooking flow, BookingSession session) => BookingResults.Refusal(
        BookingResults.SessionExpired, flow.SessionIdName,
        $"The session expired at {Instant(session.ExpiresAt)}; a session accepts a booking for {(session.ExpiresAt - session.RecordedAt).TotalMinutes:0.#} min after phase 1.",
        $"Run {flow.PhaseOneName} again and book one of its new start times soon after.");

    public static CallToolResult Failed(TwoPhaseBooking flow, BookingSession session) => BookingResults.Refusal(
        BookingResults.SessionFailed, flow.SessionIdName,
        $"The upstream refused an earlier booking on this session ({session.ErrorCode ?? "failure"}), and its sessions are single-use.",
        SessionSpent(flow));

    public static CallToolResult OutcomeUnknown(TwoPhaseBooking flow, BookingSession session) => BookingResults.Refusal(
        BookingResults.OutcomeUnknown, flow.SessionIdName,
        $"An earlier booking on this session (start time {session.StartTime}) ended without a clear answer; the meeting may exist.",
        OutcomeUnknownAdvice(flow));

    public static CallToolResult InProgress(TwoPhaseBooking flow, BookingSession session) => BookingResults.Refusal(
        BookingResults.InProgress, flow.SessionIdName,
        $"Another call is booking this session right now (start time {session.StartTime}).",
        $"Do not call again: wait a minute, then check with {BookingResults.CheckTool} whether the meeting was created.");

    public static CallToolResult PathNotOffered(TwoPhaseBooking flow, BookingSession session, BookingRequest request)
    {
        var routerKnown = session.Offered.Any(s => s.RouterId == request.RouterId);
        var paths = new JsonArray([.. session.Offered
            .Select(s => (s.RouterId, s.PathId)).Distinct().Take(SlotsShown)
            .Select(p => new JsonObject { [TwoPhaseBooking.RouterIdField] = p.RouterId, [TwoPhaseBooking.PathIdField] = p.PathId })]);
        return BookingResults.Refusal(
            BookingResults.SlotNotOffered, routerKnown ? TwoPhaseBooking.PathIdField : TwoPhaseBooking.RouterIdField,
            routerKnown
                ? $"Path '{request.PathId}' of router '{request.RouterId}' offered no start times in this session."
                : $"Router '{request.RouterId}' offered no start times in this session.",
            paths.Count == 0 ? NothingOffered(flow) : "Use a routerId and pathId pair from offeredPaths (the phase-1 result lists them all) and one of that path's start times.",
            new JsonObject { ["offeredPaths"] = paths });
    }

    public static CallToolResult SlotNotOffered(TwoPhaseBooking flow, IReadOnlyList<OfferedSlot> offered, BookingRequest request)
    {
        var nearest = offered
            .OrderBy(s => (s.At - request.At).Duration())
            .Select(s => s.Offered).Distinct(StringComparer.Ordinal).Take(SlotsShown).ToArray();
        return BookingResults.Refusal(
            BookingResults.SlotNotOffered, flow.StartTimeParameter,
            offered.Count == 0
                ? "This session offered no start times, so nothing can be booked on it."
                : $"{request.StartTime} is not one of the {offered.Count} start times this session offered.",
            offered.Count == 0
                ? NothingOffered(flow)
                : "Pick one of the offered start times (offeredStartTimes lists the nearest ones) and send it unchanged.",
            new JsonObject
            {
                ["offeredStartTimes"] = new JsonArray([.. nearest.Select(t => JsonValue.Create(t))]),
                ["offeredCount"] = offered.Count,
            });
    }

    public static string SessionSpent(TwoPhaseBooking flow) =>
        $"This booking session is spent: run {flow.PhaseOneName} again for a new session and pick a start time from it.";

    public static string OutcomeUnknownAdvice(TwoPhaseBooking flow) =>
        $"This booking session accepts no further booking: check with {BookingResults.CheckTool} whether the meeting exists before booking again; " +
        $"if it does not, run {flow.PhaseOneName} again.";

    private static string NothingOffered(TwoPhaseBooking flow) => $"Run {flow.PhaseOneName} again with another interval to get start times.";

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
