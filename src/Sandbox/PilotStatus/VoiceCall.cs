namespace Serverless.Sandbox.PilotStatus;

public static class CallStatuses
{
    public const string Initiated = "INITIATED";
    public const string Ringing = "RINGING";
    public const string Accepted = "ACCEPTED";
    public const string Rejected = "REJECTED";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
}

/// <summary>
/// A WhatsApp voice call of one number. What the contact does (the phone ringing, answering, hanging up, never
/// answering) is scripted as instants when the call is created and applied by the calls ticker, so a test driving
/// a fake clock sees the same lifecycle every time.
/// </summary>
public sealed class VoiceCall
{
    /// <summary>Time from a business-initiated call until the contact's phone rings.</summary>
    public static readonly TimeSpan RingDelay = TimeSpan.FromSeconds(1);

    /// <summary>Time from a business-initiated call until the contact answers.</summary>
    public static readonly TimeSpan AnswerDelay = TimeSpan.FromSeconds(4);

    /// <summary>How long the contact stays on a connected call before hanging up.</summary>
    public static readonly TimeSpan TalkTime = TimeSpan.FromSeconds(60);

    public required string Id { get; init; }

    /// <summary>Provider call id (Meta <c>wacid…</c>), also accepted wherever a call id is.</summary>
    public required string ExternalCallId { get; init; }

    public required string NumberId { get; init; }

    /// <summary><see cref="MessageDirections.Inbound"/> (the contact called) or <see cref="MessageDirections.Outbound"/>.</summary>
    public required string Direction { get; init; }

    /// <summary>The contact's number as digits, without <c>+</c>, as the vendor lists it.</summary>
    public required string PeerNumber { get; init; }

    public required string Status { get; set; }

    public string? SdpOffer { get; init; }

    public string? SdpAnswer { get; set; }

    public string? BizOpaqueCallbackData { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? ConnectedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Talk time; only answered calls have one.</summary>
    public int? DurationSeconds => ConnectedAt is { } connected && EndedAt is { } ended ? (int)(ended - connected).TotalSeconds : null;

    public bool IsInbound => Direction == MessageDirections.Inbound;

    public bool HasEnded => Status is CallStatuses.Rejected or CallStatuses.Completed or CallStatuses.Failed;

    internal DateTimeOffset? RingAt { get; set; }

    internal DateTimeOffset? AnswerAt { get; set; }

    internal DateTimeOffset? HangUpAt { get; set; }

    /// <summary>An inbound call nobody answers by this instant is missed.</summary>
    internal DateTimeOffset? MissAt { get; set; }
}

/// <summary>What a contact allowed this number to do: call them, for a while or for good.</summary>
public sealed class CallPermission
{
    public const string None = "no_permission";
    public const string Temporary = "temporary";
    public const string Permanent = "permanent";

    /// <summary>How long a permission granted from a request lasts.</summary>
    public static readonly TimeSpan TemporaryLifetime = TimeSpan.FromDays(7);

    /// <summary>Time the contact takes to answer a permission request in the twin.</summary>
    public static readonly TimeSpan AnswerDelay = TimeSpan.FromSeconds(5);

    public required string NumberId { get; init; }

    /// <summary>Contact digits without <c>+</c>.</summary>
    public required string Peer { get; init; }

    public string GrantedStatus { get; set; } = None;

    public DateTimeOffset? ExpiresAt { get; set; }

    internal List<DateTimeOffset> RequestedAt { get; } = [];

    /// <summary>When the contact will tap "allow" on the pending request.</summary>
    internal DateTimeOffset? GrantAt { get; set; }

    public string StatusAt(DateTimeOffset now)
        => GrantedStatus == Temporary && ExpiresAt is { } expires && expires <= now ? None : GrantedStatus;

    public bool AllowsCallsAt(DateTimeOffset now) => StatusAt(now) is Temporary or Permanent;
}
