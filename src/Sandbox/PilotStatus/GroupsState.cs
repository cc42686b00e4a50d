namespace Serverless.Sandbox.PilotStatus;

/// <summary>Fixed ids of the demo groups and channels (all on the QR-paired number 2).</summary>
public static class GroupsSeed
{
    /// <summary>The group of the seeded group conversation; number 2 created it.</summary>
    public const string GroupId = PilotStatusSeed.GroupId;
    public const string InviteCode = "SbxCustomers7Kq2Lm9Np4";

    public const string AdminDiego = "+5531955554444";
    public const string MemberElisa = "+5541944443333";
    public const string MemberCarla = PilotStatusSeed.ContactCarlaPhone;

    /// <summary>Seeded group message (from Diego) that can be pinned.</summary>
    public const string PinnableMessageId = "msg_sandbox_group_1";

    /// <summary>Channel owned by number 2.</summary>
    public const string NewsletterId = "120363000000000101@newsletter";
    public const string NewsletterName = "Sandbox Support Updates";

    /// <summary>Channel number 2 follows.</summary>
    public const string FollowedNewsletterId = "120363000000000102@newsletter";
}

/// <summary>WhatsApp groups and channels of the numbers.</summary>
public sealed class GroupsState
{
    private readonly PilotStatusState _core;

    internal GroupsState(PilotStatusState core) => _core = core;

    internal List<WhatsAppGroup> GroupList { get; } = [];

    internal List<Newsletter> NewsletterList { get; } = [];

    public IReadOnlyList<WhatsAppGroup> GetGroups() => _core.Snapshot(GroupList);

    internal WhatsAppGroup? FindGroup(string numberId, string groupId)
        => GroupList.Find(g => g.NumberId == numberId && g.Id == groupId);

    internal void Seed(DateTimeOffset now)
    {
        var group = new WhatsAppGroup
        {
            Id = GroupsSeed.GroupId,
            NumberId = PilotStatusSeed.NumberId2,
            Subject = PilotStatusSeed.GroupName,
            Owner = PilotStatusSeed.PhoneNumber2,
            CreatedAt = now.AddDays(-60),
            InviteCode = GroupsSeed.InviteCode,
        };
        group.Participants.AddRange(
        [
            new GroupParticipant { Number = PilotStatusSeed.PhoneNumber2, Role = GroupRoles.Superadmin },
            new GroupParticipant { Number = GroupsSeed.AdminDiego, Role = GroupRoles.Admin },
            new GroupParticipant { Number = GroupsSeed.MemberElisa, Role = GroupRoles.Member },
            new GroupParticipant { Number = GroupsSeed.MemberCarla, Role = GroupRoles.Member },
        ]);
        GroupList.Add(group);

        NewsletterList.Add(new Newsletter
        {
            Id = GroupsSeed.NewsletterId,
            NumberId = PilotStatusSeed.NumberId2,
            Name = GroupsSeed.NewsletterName,
            Description = "Release notes and maintenance windows of Sandbox Support.",
            Subscribers = 1284,
            Role = "OWNER",
            CreatedAt = now.AddDays(-45),
        });
        NewsletterList.Add(new Newsletter
        {
            Id = GroupsSeed.FollowedNewsletterId,
            NumberId = PilotStatusSeed.NumberId2,
            Name = "WhatsApp Business Tips",
            Description = null,
            Subscribers = 250_000,
            Role = "SUBSCRIBER",
            CreatedAt = now.AddDays(-400),
        });
    }
}
