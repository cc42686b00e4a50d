namespace Serverless.Sandbox.ChiliPiper;

/// <summary>What a booking is: its length, the step between offered start times, and the workspace that owns it.</summary>
public sealed class MeetingType
{
    public required string Id { get; init; }

    public required string WorkspaceId { get; init; }

    public required string Name { get; init; }

    /// <summary>Appears in personal booking URLs after the user's slug.</summary>
    public required string Slug { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Offered start times are this far apart, counted from the start of each working-hours block.</summary>
    public required TimeSpan Increment { get; init; }
}

/// <summary>Kinds of scheduling link, as the list operations split them.</summary>
public enum SchedulingLinkKind
{
    RoundRobin,
    AdminOneOnOne,
    Group,
    Ownership,
}

/// <summary>
/// A team scheduling link. Personal links are not stored: every user has one per meeting type of their
/// workspaces, addressed by the user's slug.
/// </summary>
public sealed class SchedulingLink
{
    public required string Id { get; init; }

    public required SchedulingLinkKind Kind { get; init; }

    public required string WorkspaceId { get; init; }

    public required string Name { get; init; }

    public required string Slug { get; init; }

    public required IReadOnlyList<string> MeetingTypeIds { get; init; }

    /// <summary>The fixed host of an admin one-on-one link.</summary>
    public string? HostId { get; init; }

    /// <summary>The round robin of a round-robin link, or an ownership link's fallback when no owner is found.</summary>
    public string? DistributionId { get; init; }

    /// <summary>Group members and whether each must be free for a time to be offered.</summary>
    public IReadOnlyList<(string UserId, bool Required)> Members { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>How the host of a booking is chosen among <see cref="BookingTarget.Candidates"/>.</summary>
public enum HostSelection
{
    /// <summary>One fixed host.</summary>
    Single,

    /// <summary>The distribution's next assignee among the candidates free at the chosen time.</summary>
    RoundRobin,

    /// <summary>Every candidate must be free; the first one hosts.</summary>
    Group,
}

/// <summary>One bookable outcome of a routing session: who may host, for how long, and which start times were offered.</summary>
public sealed class BookingTarget
{
    public required string MeetingTypeId { get; init; }

    public required TimeSpan Duration { get; init; }

    public required TimeSpan Increment { get; init; }

    public TimeSpan BufferBefore { get; init; }

    public TimeSpan BufferAfter { get; init; }

    public required HostSelection Selection { get; init; }

    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>Invited but not required to be free (group links' optional members).</summary>
    public IReadOnlyList<string> OptionalAttendees { get; init; } = [];

    public string? DistributionId { get; init; }

    public List<DateTimeOffset> StartTimes { get; } = [];
}

/// <summary>
/// Phase 1 of every booking flow leaves one of these behind. It lives for <see cref="Lifetime"/> on the sandbox clock
/// and books at most one meeting.
/// </summary>
public sealed class RoutingSession
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public required string Id { get; init; }

    /// <summary><c>SchedulingLink</c>, <c>Handoff</c> or <c>Concierge</c>; also the source of the meeting it books.</summary>
    public required string Flow { get; init; }

    public required string WorkspaceId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Link, Handoff router or Concierge router the session came from.</summary>
    public required string SourceId { get; init; }

    public string? BookerId { get; init; }

    public string? GuestEmail { get; init; }

    public string? GuestTimeZone { get; init; }

    public IReadOnlyDictionary<string, string> FormData { get; init; } = new Dictionary<string, string>();

    /// <summary>Bookable outcomes by key: empty for single-outcome flows, <c>routerId/pathId</c> for Handoff.</summary>
    public Dictionary<string, BookingTarget> Targets { get; } = new(StringComparer.Ordinal);

    /// <summary>Why nothing can be booked in this session at all, when that is known up front.</summary>
    public string? NotBookableReason { get; init; }

    public string? MeetingId { get; set; }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}

/// <summary>One Handoff path: a condition on the prospect (null for the catch-all) and who gets the meeting.</summary>
public sealed class HandoffPath
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public JsonObject? Conditions { get; init; }

    public required string MeetingTypeId { get; init; }

    public string? DistributionId { get; init; }

    public string? UserId { get; init; }
}

public sealed class HandoffRouter
{
    public required string Id { get; init; }

    public required string WorkspaceId { get; init; }

    public required string Name { get; init; }

    /// <summary>Evaluated in order; the first path whose conditions match wins.</summary>
    public required IReadOnlyList<HandoffPath> Paths { get; init; }
}

/// <summary>What a Concierge route does with a lead: book it with a user or a round robin, or turn it away.</summary>
public sealed class ConciergeAction
{
    public bool Disqualify { get; init; }

    /// <summary>Where a disqualified lead is sent.</summary>
    public string? RedirectUrl { get; init; }

    public string? MeetingTypeId { get; init; }

    public string? DistributionId { get; init; }

    public string? UserId { get; init; }
}

public sealed class ConciergeRoute
{
    public required string Id { get; init; }

    /// <summary>Id of the rule this route evaluates; the rule's conditions live on the router.</summary>
    public required string RuleId { get; init; }

    public required string Name { get; init; }

    public required JsonObject Conditions { get; init; }

    public required ConciergeAction Action { get; init; }
}

public sealed class ConciergeRouter
{
    public required string Id { get; init; }

    public required string WorkspaceId { get; init; }

    public required string Name { get; init; }

    public required string Slug { get; init; }

    /// <summary>The form field holding the lead's email.</summary>
    public string EmailField { get; init; } = "PersonEmail";

    public required IReadOnlyList<string> FormFields { get; init; }

    public required IReadOnlyList<ConciergeRoute> Rules { get; init; }

    public required ConciergeAction CatchAll { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One routed lead in a Concierge router's log; its status follows the routing session and the meeting.</summary>
public sealed class ConciergeLogEntry
{
    public required string Id { get; init; }

    public required string RouterId { get; init; }

    public required string WorkspaceId { get; init; }

    public required string RoutingId { get; init; }

    public required DateTimeOffset TriggeredAt { get; init; }

    public required string GuestEmail { get; init; }

    /// <summary>Route id, or null when the catch-all matched.</summary>
    public string? MatchedRouteId { get; init; }

    public string? MatchedRuleId { get; init; }

    public bool Disqualified { get; init; }

    public required string SourceUrl { get; init; }
}
