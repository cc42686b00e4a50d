namespace Serverless.Sandbox.PilotStatus;

// Wire shapes of the call endpoints. Settings and permissions are Meta's own snake_case objects and are
// built as JSON directly instead.

public sealed record CallCreated(string Id, string ExternalCallId, string Status);

public sealed record CallAction(bool Success, string Id, string Status);

public sealed record CallListItem(
    string Id,
    string ExternalCallId,
    string Direction,
    string Status,
    string PeerNumber,
    int? DurationSeconds,
    DateTimeOffset? StartedAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record CallPage(IReadOnlyList<CallListItem> Calls);

/// <summary>One call; the SDPs are filled only when asked for with <c>includeSdp=1</c>.</summary>
public sealed record CallDetail(
    string Id,
    string ExternalCallId,
    string Direction,
    string Status,
    string PeerNumber,
    int? DurationSeconds,
    DateTimeOffset? StartedAt,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? EndedAt,
    string? SdpOffer,
    string? SdpAnswer,
    string? BizOpaqueCallbackData,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record PermissionRequested(string MessageId);

public sealed record SettingsUpdated(bool Success);
