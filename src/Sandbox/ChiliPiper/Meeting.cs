namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Meeting status values as the Edge API spells them in filters.</summary>
public static class MeetingStatuses
{
    public const string Active = "Active";
    public const string Canceled = "Canceled";
    public const string NoShow = "NoShow";
    public const string Completed = "Completed";
}

/// <summary>
/// One booked meeting. Every booking path (scheduling link, handoff, concierge) creates one of these, and
/// availability subtracts the active ones from the host's working hours.
/// </summary>
public sealed class Meeting
{
    public required string Id { get; init; }

    public required string WorkspaceId { get; init; }

    /// <summary>The user whose calendar holds the meeting.</summary>
    public required string HostId { get; init; }

    /// <summary>The user the meeting was assigned to (usually the host).</summary>
    public required string AssigneeId { get; init; }

    /// <summary>The user who booked it on the guest's behalf; null when the guest booked.</summary>
    public string? BookerId { get; init; }

    public required string GuestEmail { get; init; }

    public string? GuestName { get; init; }

    public string? GuestTimeZone { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>One of <see cref="MeetingStatuses"/>.</summary>
    public string Status { get; set; } = MeetingStatuses.Active;

    public required DateTimeOffset BookedAt { get; init; }

    public DateTimeOffset? CanceledAt { get; set; }

    public DateTimeOffset? NoShowAt { get; set; }

    public string? MeetingTypeId { get; init; }

    public string? DistributionId { get; init; }

    /// <summary>Where it was booked from, e.g. <c>SchedulingLink</c>, <c>Handoff</c>, <c>Concierge</c>, <c>Seed</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Routing session or link that produced it, when any.</summary>
    public string? SourceId { get; init; }

    /// <summary>Linked CRM event id (Salesforce Event id or HubSpot engagement id).</summary>
    public string? CrmEventId { get; init; }

    public string? Location { get; init; }

    /// <summary>Lead form values captured at booking (concierge form, scheduling-link formData).</summary>
    public IReadOnlyDictionary<string, string> FormData { get; init; } = new Dictionary<string, string>();

    public bool IsActive => Status == MeetingStatuses.Active;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}
