namespace Serverless.Gateway.Booking;

/// <summary>Where a booking session stands. Only <see cref="Open"/> sessions accept a phase-2 call.</summary>
public enum BookingState
{
    /// <summary>Phase 1 offered slots; nothing booked yet.</summary>
    Open,

    /// <summary>One phase-2 call holds the session and is talking to the upstream now.</summary>
    Booking,

    /// <summary>The upstream confirmed a booking; its answer is recorded.</summary>
    Booked,

    /// <summary>The upstream answered phase 2 with a failure; the vendor's session is spent.</summary>
    Failed,

    /// <summary>Phase 2 may or may not have booked (timeout, lost connection, 5xx); nothing may book again on this session.</summary>
    OutcomeUnknown,
}

/// <summary>One start time a phase-1 call offered; handoff offers them per router and path.</summary>
/// <param name="Offered">The start time exactly as the upstream wrote it, so the model can send it back verbatim.</param>
/// <param name="At">The same instant, for comparisons that ignore the offset it was written with.</param>
public sealed record OfferedSlot(string Offered, DateTimeOffset At, string? RouterId = null, string? PathId = null);

/// <summary>
/// What the gateway remembers of one phase-1 session and its phase-2 outcome. Immutable: every change is a
/// new version written with <see cref="IBookingSessionStore.TryReplaceAsync"/>. Holds no credential: the
/// caller is a one-way digest of it.
/// </summary>
public sealed record BookingSession
{
    /// <summary>The flow and the upstream's session id, e.g. "scheduling-link:4f2c…".</summary>
    public required string Key { get; init; }

    public required string CallerId { get; init; }

    /// <summary>The phase-1 tool that opened the session.</summary>
    public required string Tool { get; init; }

    public required string SessionId { get; init; }

    public required IReadOnlyList<OfferedSlot> Offered { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The store may forget the session after this instant, not before.</summary>
    public required DateTimeOffset RetainUntil { get; init; }

    /// <summary>Grows by one with every stored change; the compare-and-set checks it.</summary>
    public long Version { get; init; }

    public BookingState State { get; init; } = BookingState.Open;

    public DateTimeOffset? StateChangedAt { get; init; }

    /// <summary>The start time the phase-2 call asked for (while booking and after).</summary>
    public string? StartTime { get; init; }

    public string? MeetingId { get; init; }

    /// <summary>The upstream's booking answer (the structured content of the phase-2 result), as JSON.</summary>
    public string? BookingResultJson { get; init; }

    /// <summary>The error code of the phase-2 call that failed or left the outcome unknown.</summary>
    public string? ErrorCode { get; init; }
}
