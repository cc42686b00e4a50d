using System.Text.Json.Serialization;

namespace Serverless.Sandbox.PilotStatus;

// Wire shapes of the groups and channels endpoints. Beyond {groups: [{id, name}]} and the create answer the vendor's
// shapes are not published, so these follow the style of the documented endpoints.

internal static class GroupsErrorCodes
{
    public const string MetaGroupsNotEligible = "META_GROUPS_NOT_ELIGIBLE";
    public const string InstanceNotConnected = "WHATSAPP_INSTANCE_NOT_CONNECTED";
    public const string GroupNotFound = "GROUP_NOT_FOUND";
}

/// <summary>Outcome for one number in a participants call.</summary>
public static class ParticipantOutcomes
{
    public const string Added = "ADDED";
    public const string Removed = "REMOVED";
    public const string Promoted = "PROMOTED";
    public const string Demoted = "DEMOTED";
    public const string AlreadyParticipant = "ALREADY_PARTICIPANT";
    public const string AlreadyAdmin = "ALREADY_ADMIN";
    public const string NotParticipant = "NOT_PARTICIPANT";
    public const string NotAdmin = "NOT_ADMIN";
    public const string NotOnWhatsApp = "NOT_ON_WHATSAPP";
    public const string Owner = "GROUP_OWNER";
}

public sealed record GroupListItem(string Id, string Name);

public sealed record GroupList(IReadOnlyList<GroupListItem> Groups);

public sealed record GroupParticipantItem(string Number, string Role);

public sealed record PinnedMessageItem(string MessageId, DateTimeOffset PinnedAt, DateTimeOffset ExpiresAt);

public sealed record GroupInfoResponse(
    string Id,
    string Subject,
    string Owner,
    DateTimeOffset CreatedAt,
    int Size,
    IReadOnlyList<GroupParticipantItem> Participants,
    IReadOnlyList<PinnedMessageItem> PinnedMessages);

public sealed record GroupCreatedResponse(
    string Id,
    string Subject,
    string Owner,
    DateTimeOffset CreatedAt,
    IReadOnlyList<GroupParticipantItem> Participants,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ParticipantResult>? NotAdded);

public sealed record ParticipantResult(string Number, string Status);

public sealed record ParticipantsUpdateResponse(
    string GroupId,
    string Action,
    IReadOnlyList<ParticipantResult> Results,
    IReadOnlyList<GroupParticipantItem> Participants);

public sealed record GroupInviteResponse(string GroupId, string InviteCode, string InviteUrl);

public sealed record GroupPinResponse(string GroupId, string MessageId, bool Pinned, DateTimeOffset PinnedAt, DateTimeOffset ExpiresAt);

public sealed record NewsletterItem(string Id, string Name, string? Description, int Subscribers, string Role, DateTimeOffset CreatedAt);

public sealed record NewsletterList(IReadOnlyList<NewsletterItem> Newsletters);
