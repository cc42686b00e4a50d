namespace Serverless.Sandbox.PilotStatus;

/// <summary>Participant roles as WhatsApp reports them; the creator is the one superadmin.</summary>
public static class GroupRoles
{
    public const string Superadmin = "superadmin";
    public const string Admin = "admin";
    public const string Member = "member";
}

public sealed class GroupParticipant
{
    /// <summary>E.164 with leading <c>+</c>.</summary>
    public required string Number { get; init; }

    public required string Role { get; set; }

    public bool IsAdmin => Role is GroupRoles.Admin or GroupRoles.Superadmin;
}

public sealed record PinnedGroupMessage(string MessageId, DateTimeOffset PinnedAt, DateTimeOffset ExpiresAt);

/// <summary>A WhatsApp group as seen from one number (groups belong to the number that is in them).</summary>
public sealed class WhatsAppGroup
{
    /// <summary>WhatsApp pins at most this many messages per group; a new pin pushes out the oldest.</summary>
    public const int MaxPins = 3;

    /// <summary>Group JID ending with <c>@g.us</c>.</summary>
    public required string Id { get; init; }

    public required string NumberId { get; init; }

    public required string Subject { get; set; }

    /// <summary>E.164 of the creator.</summary>
    public required string Owner { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public List<GroupParticipant> Participants { get; } = [];

    /// <summary>Issued on the first invite request and kept, as WhatsApp keeps a group's code until it is revoked.</summary>
    public string? InviteCode { get; set; }

    public List<PinnedGroupMessage> Pins { get; } = [];

    public GroupParticipant? Find(string number) => Participants.Find(p => p.Number == number);
}

/// <summary>A WhatsApp channel the number owns or follows.</summary>
public sealed class Newsletter
{
    /// <summary>Channel JID ending with <c>@newsletter</c>.</summary>
    public required string Id { get; init; }

    public required string NumberId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required int Subscribers { get; init; }

    /// <summary>OWNER, ADMIN or SUBSCRIBER: the number's relation to the channel.</summary>
    public required string Role { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
