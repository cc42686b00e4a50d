namespace Serverless.Tools.PilotStatus;

/// <summary>WhatsApp groups of the key's number: listing, creating, membership, admin roles, invites and pins.</summary>
[McpServerToolType]
[Toolset(Toolsets.Groups)]
public sealed class GroupsTools(GroupsClient client)
{
    private const string GroupIdHelp = "Group id ending with @g.us, from groups_list.";
    private const string ParticipantsHelp = "Phone numbers in E.164 (5511999998888; a leading + is accepted), at least one.";

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "groups_list", Title = "List WhatsApp groups", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the WhatsApp groups the key-bound number belongs to, as {groups: [{id, name}]}. Use the id (ending @g.us) with the other group tools or as groupId in messages_send. Needs a number-scoped key and a connected number; groups work on QR-paired numbers, not on most Meta numbers (META_GROUPS_NOT_ELIGIBLE).")]
    public Task<CallToolResult> ListGroups(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ListGroupsAsync(cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "groups_create", Title = "Create a WhatsApp group", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Create a WhatsApp group owned by the key-bound number, with a subject and optionally the first participants (phone numbers). Returns the new group id (ending @g.us), subject and participants. Real side effect: the people added see the group at once. Needs a number-scoped key; not on most Meta numbers.")]
    public Task<CallToolResult> CreateGroup(
        [Description("Group name (subject) shown to members.")] string subject,
        [Description("Phone numbers to add at creation, in E.164 (5511999998888; a leading + is accepted).")] string[]? participants = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject { ["subject"] = Arguments.NotBlank(subject, nameof(subject)) };
            if (participants is { Length: > 0 })
            {
                body["participants"] = new JsonArray([.. WhatsAppArguments.Participants(participants, 1).Select(p => JsonValue.Create(p))]);
            }

            return ToolResults.Success((await client.CreateGroupAsync(body, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "group_info", Title = "Get a WhatsApp group", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read one WhatsApp group of the key-bound number: subject, owner, creation time and every participant with their role (superadmin, admin or member). Use it before changing members or roles. Needs a number-scoped key; not on most Meta numbers.")]
    public Task<CallToolResult> GroupInfo(
        [Description(GroupIdHelp)] string groupId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetGroupAsync(WhatsAppArguments.GroupId(groupId), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "group_participants_add", Title = "Add group participants", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Add people to a WhatsApp group by phone number; the key-bound number must be a group admin. The result says, per number, whether it was added. Real side effect: the people see the group at once. Needs a number-scoped key; not on most Meta numbers.")]
    public Task<CallToolResult> AddParticipants(
        [Description(GroupIdHelp)] string groupId,
        [Description(ParticipantsHelp)] string[] participants,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var (id, people) = Check(groupId, participants);
            return ToolResults.Success((await client.AddGroupParticipantsAsync(id, people, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "group_participants_remove", Title = "Remove group participants", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Remove people from a WhatsApp group by phone number; the key-bound number must be a group admin and the group creator cannot be removed. The result says, per number, whether it was removed. Needs a number-scoped key; not on most Meta numbers.")]
    public Task<CallToolResult> RemoveParticipants(
        [Description(GroupIdHelp)] string groupId,
        [Description(ParticipantsHelp)] string[] participants,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var (id, people) = Check(groupId, participants);
            return ToolResults.Success((await client.RemoveGroupParticipantsAsync(id, people, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "group_participants_promote", Title = "Make participants group admins", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Make existing members of a WhatsApp group admins; the key-bound number must be a group admin. The result says, per number, whether it was promoted. Needs a number-scoped key; not on most Meta numbers.")]
    public Task<CallToolResult> PromoteParticipants(
        [Description(GroupIdHelp)] string groupId,
        [Description(ParticipantsHelp)] string[] participants,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var (id, people) = Check(groupId, participants);
            return ToolResults.Success((await client.PromoteGroupParticipantsAsync(id, people, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "group_participants_demote", Title = "Make group admins plain members", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Turn admins of a WhatsApp group back into plain members; the key-bound number must be a group admin and the group creator keeps its role. The result says, per number, whether it was demoted. Needs a number-scoped key; not on most Meta numbers.")]
    public Task<CallToolResult> DemoteParticipants(
        [Description(GroupIdHelp)] string groupId,
        [Description(ParticipantsHelp)] string[] participants,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var (id, people) = Check(groupId, participants);
            return ToolResults.Success((await client.DemoteGroupParticipantsAsync(id, people, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "group_invite", Title = "Get a group invite link", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Get the invite code of a WhatsApp group and its https://chat.whatsapp.com/code link, to share with people who should join by themselves. Needs a number-scoped key; the number must be a group admin; not on most Meta numbers.")]
    public Task<CallToolResult> GroupInvite(
        [Description(GroupIdHelp)] string groupId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetGroupInviteAsync(WhatsAppArguments.GroupId(groupId), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "group_pin", Title = "Pin a group message", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Pin one message at the top of a WhatsApp group for 24 hours, 7 days or 30 days. Give the message id from messages_group or messages_send. Returns the pin with its expiry. Needs a number-scoped key; not on most Meta numbers.")]
    public Task<CallToolResult> PinMessage(
        [Description(GroupIdHelp)] string groupId,
        [Description("Id of a message of this group, from messages_group (id) or messages_send (id).")] string messageId,
        [Description("How long the message stays pinned: 24h, 7d or 30d. WhatsApp default applies when omitted.")] PinDuration? duration = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = WhatsAppArguments.GroupId(groupId);
            var body = new JsonObject { ["messageId"] = Arguments.NotBlank(messageId, nameof(messageId)) };
            if (duration is { } d)
            {
                body["duration"] = d.Seconds();
            }

            return ToolResults.Success((await client.PinGroupMessageAsync(id, body, cancellationToken)).Body);
        });

    private static (string GroupId, IReadOnlyList<string> Participants) Check(string groupId, string[] participants) =>
        (WhatsAppArguments.GroupId(groupId), WhatsAppArguments.Participants(participants, 1));
}
