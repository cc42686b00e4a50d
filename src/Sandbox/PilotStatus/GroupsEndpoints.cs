using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Groups, participants, invites and pins; and channels (newsletters).</summary>
internal static partial class GroupsEndpoints
{
    private const string InviteLinkPrefix = "https://chat.whatsapp.com/";
    private const string InviteAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int DefaultPinSeconds = 604_800;
    private static readonly int[] PinSeconds = [86_400, DefaultPinSeconds, 2_592_000];

    public static IEndpointRouteBuilder MapGroupsEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/groups", KeyRequirement.Number, state, call => Guarded(call, List));
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/groups", KeyRequirement.Number, state, (call, body) => Guarded(call, c => Create(c, body)));
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/groups/{groupId}", KeyRequirement.Number, state,
            call => WithGroup(call, group => SandboxJson.Result(Info(group, call.Now))));
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/groups/{groupId}/participants", KeyRequirement.Number, state,
            (call, body) => WithGroup(call, group => UpdateParticipants(call, group, body, "add")));
        routes.MapPilotStatusOperation(HttpMethods.Delete, "/v1/groups/{groupId}/participants", KeyRequirement.Number, state,
            (call, body) => WithGroup(call, group => UpdateParticipants(call, group, body, "remove")));
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/groups/{groupId}/participants/promote", KeyRequirement.Number, state,
            (call, body) => WithGroup(call, group => UpdateParticipants(call, group, body, "promote")));
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/groups/{groupId}/participants/demote", KeyRequirement.Number, state,
            (call, body) => WithGroup(call, group => UpdateParticipants(call, group, body, "demote")));
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/groups/{groupId}/invite", KeyRequirement.Number, state, call => WithGroup(call, Invite));
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/groups/{groupId}/pin", KeyRequirement.Number, state,
            (call, body) => WithGroup(call, group => Pin(call, group, body)));

        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/newsletters", KeyRequirement.Number, state, Newsletters);
        return routes;
    }

    /// <summary>Refusals every group endpoint shares: Meta numbers first, then a session that is not OPEN.</summary>
    private static IResult Guarded(PilotStatusCall call, Func<PilotStatusCall, IResult> handler)
    {
        if (call.Number.IsMeta)
        {
            return PilotStatusErrors.BadRequest(GroupsErrorCodes.MetaGroupsNotEligible,
                "Groups are only available on Meta numbers that are approved Official Business Accounts with groups enabled; this number is not eligible.");
        }

        return call.Number.IsOpen ? handler(call) : NotConnected(call.Number);
    }

    private static IResult WithGroup(PilotStatusCall call, Func<WhatsAppGroup, IResult> handler) => Guarded(call, c =>
    {
        var groupId = c.Route("groupId") ?? "";
        if (!GroupJid().IsMatch(groupId))
        {
            return PilotStatusErrors.Validation("groupId must be a WhatsApp group id ending with @g.us.");
        }

        var group = c.State.Groups.FindGroup(c.Number.Id, groupId);
        return group is null
            ? PilotStatusErrors.NotFound(GroupsErrorCodes.GroupNotFound, $"Group '{groupId}' was not found for this number.")
            : handler(group);
    });

    internal static IResult NotConnected(WhatsAppNumber number)
        => PilotStatusErrors.Error(StatusCodes.Status409Conflict, GroupsErrorCodes.InstanceNotConnected,
            $"The WhatsApp instance of this number is not connected (state {number.ConnectionStatus}).");

    private static IResult List(PilotStatusCall call)
    {
        var groups = call.State.Groups.GroupList
            .Where(g => g.NumberId == call.Number.Id)
            .Select(g => new GroupListItem(g.Id, g.Subject))
            .ToArray();
        return SandboxJson.Result(new GroupList(groups));
    }

    private static IResult Create(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject
            || !JsonFields.TryGetString(body.Root, "subject", out var subject)
            || string.IsNullOrWhiteSpace(subject))
        {
            return PilotStatusErrors.Validation("subject is required.");
        }

        if (!JsonFields.TryGetStringArray(body.Root, "participants", out var requested)
            || !TryNormalize(requested ?? [], out var people))
        {
            return PilotStatusErrors.Validation("participants must be an array of phone numbers in E.164 digits.");
        }

        var number = call.Number;
        var group = new WhatsAppGroup
        {
            Id = NewGroupId(call.State),
            NumberId = number.Id,
            Subject = subject.Trim(),
            Owner = number.PhoneNumber,
            CreatedAt = call.Now,
        };
        group.Participants.Add(new GroupParticipant { Number = number.PhoneNumber, Role = GroupRoles.Superadmin });
        var notAdded = new List<ParticipantResult>();
        foreach (var person in people.Where(p => p != number.PhoneNumber))
        {
            if (WhatsAppDirectory.Exists(call.State, number.TenantId, person))
            {
                group.Participants.Add(new GroupParticipant { Number = person, Role = GroupRoles.Member });
            }
            else
            {
                notAdded.Add(new ParticipantResult(person, ParticipantOutcomes.NotOnWhatsApp));
            }
        }

        call.State.Groups.GroupList.Add(group);
        return SandboxJson.Result(
            new GroupCreatedResponse(group.Id, group.Subject, group.Owner, group.CreatedAt, Participants(group), notAdded.Count == 0 ? null : notAdded),
            statusCode: StatusCodes.Status201Created);
    }

    private static IResult UpdateParticipants(PilotStatusCall call, WhatsAppGroup group, JsonBody body, string action)
    {
        if (!body.IsObject
            || !JsonFields.TryGetStringArray(body.Root, "participants", out var requested)
            || requested is not { Count: > 0 }
            || !TryNormalize(requested, out var people))
        {
            return PilotStatusErrors.Validation("participants must be a non-empty array of phone numbers in E.164 digits.");
        }

        var results = people.Select(person => new ParticipantResult(person, action switch
        {
            "add" => Add(call, group, person),
            "remove" => Remove(group, person),
            "promote" => Promote(group, person),
            _ => Demote(group, person),
        })).ToArray();
        return SandboxJson.Result(new ParticipantsUpdateResponse(group.Id, action, results, Participants(group)));
    }

    private static string Add(PilotStatusCall call, WhatsAppGroup group, string person)
    {
        if (group.Find(person) is not null)
        {
            return ParticipantOutcomes.AlreadyParticipant;
        }

        if (!WhatsAppDirectory.Exists(call.State, call.Number.TenantId, person))
        {
            return ParticipantOutcomes.NotOnWhatsApp;
        }

        group.Participants.Add(new GroupParticipant { Number = person, Role = GroupRoles.Member });
        return ParticipantOutcomes.Added;
    }

    private static string Remove(WhatsAppGroup group, string person)
    {
        var participant = group.Find(person);
        if (participant is null)
        {
            return ParticipantOutcomes.NotParticipant;
        }

        if (participant.Role == GroupRoles.Superadmin)
        {
            return ParticipantOutcomes.Owner;
        }

        group.Participants.Remove(participant);
        return ParticipantOutcomes.Removed;
    }

    private static string Promote(WhatsAppGroup group, string person)
    {
        var participant = group.Find(person);
        if (participant is null)
        {
            return ParticipantOutcomes.NotParticipant;
        }

        if (participant.IsAdmin)
        {
            return ParticipantOutcomes.AlreadyAdmin;
        }

        participant.Role = GroupRoles.Admin;
        return ParticipantOutcomes.Promoted;
    }

    private static string Demote(WhatsAppGroup group, string person)
    {
        var participant = group.Find(person);
        if (participant is null)
        {
            return ParticipantOutcomes.NotParticipant;
        }

        if (participant.Role == GroupRoles.Superadmin)
        {
            return ParticipantOutcomes.Owner;
        }

        if (participant.Role != GroupRoles.Admin)
        {
            return ParticipantOutcomes.NotAdmin;
        }

        participant.Role = GroupRoles.Member;
        return ParticipantOutcomes.Demoted;
    }

    private static IResult Invite(WhatsAppGroup group)
    {
        group.InviteCode ??= RandomNumberGenerator.GetString(InviteAlphabet, 22);
        return SandboxJson.Result(new GroupInviteResponse(group.Id, group.InviteCode, InviteLinkPrefix + group.InviteCode));
    }

    private static IResult Pin(PilotStatusCall call, WhatsAppGroup group, JsonBody body)
    {
        if (!body.IsObject
            || !JsonFields.TryGetString(body.Root, "messageId", out var messageId)
            || string.IsNullOrWhiteSpace(messageId))
        {
            return PilotStatusErrors.Validation("messageId is required.");
        }

        var seconds = DefaultPinSeconds;
        if (body.Root.TryGetProperty("duration", out var duration) && duration.ValueKind != System.Text.Json.JsonValueKind.Null
            && (!duration.TryGetInt32(out seconds) || !PinSeconds.Contains(seconds)))
        {
            return PilotStatusErrors.Validation("duration must be 86400 (24 h), 604800 (7 days) or 2592000 (30 days) seconds.");
        }

        var resolved = FindGroupMessage(call, group, messageId.Trim());
        if (resolved is null)
        {
            return PilotStatusErrors.NotFound(PilotStatusErrorCodes.MessageNotFound, $"Message '{messageId}' was not found in group {group.Id}.");
        }

        var now = call.Now;
        group.Pins.RemoveAll(p => p.MessageId == resolved || p.ExpiresAt <= now);
        if (group.Pins.Count >= WhatsAppGroup.MaxPins)
        {
            group.Pins.RemoveAt(0);
        }

        var pin = new PinnedGroupMessage(resolved, now, now.AddSeconds(seconds));
        group.Pins.Add(pin);
        return SandboxJson.Result(new GroupPinResponse(group.Id, pin.MessageId, true, pin.PinnedAt, pin.ExpiresAt));
    }

    /// <summary>A chat line of the group, by its id or, for sends, by correlation or provider id.</summary>
    private static string? FindGroupMessage(PilotStatusCall call, WhatsAppGroup group, string messageId)
    {
        var state = call.State;
        var conversation = state.ConversationList.Find(c => c.NumberId == group.NumberId && c.GroupId == group.Id);
        if (conversation is null)
        {
            return null;
        }

        var id = state.FindOutbound(group.NumberId, messageId) is { GroupId: { } target } sent && target == group.Id ? sent.Id : messageId;
        return state.ConversationMessageList.Exists(m => m.ConversationId == conversation.Id && m.Id == id && m.CreatedAt <= call.Now) ? id : null;
    }

    private static IResult Newsletters(PilotStatusCall call)
    {
        if (call.Number.IsMeta)
        {
            return PilotStatusErrors.NotSupportedForMeta("Channels (newsletters) are not supported for Meta (official API) numbers.");
        }

        if (!call.Number.IsOpen)
        {
            return NotConnected(call.Number);
        }

        var items = call.State.Groups.NewsletterList
            .Where(n => n.NumberId == call.Number.Id)
            .Select(n => new NewsletterItem(n.Id, n.Name, n.Description, n.Subscribers, n.Role, n.CreatedAt))
            .ToArray();
        return SandboxJson.Result(new NewsletterList(items));
    }

    private static GroupInfoResponse Info(WhatsAppGroup group, DateTimeOffset now)
        => new(group.Id, group.Subject, group.Owner, group.CreatedAt, group.Participants.Count, Participants(group),
            [.. group.Pins.Where(p => p.ExpiresAt > now).Select(p => new PinnedMessageItem(p.MessageId, p.PinnedAt, p.ExpiresAt))]);

    private static GroupParticipantItem[] Participants(WhatsAppGroup group)
        => [.. group.Participants.Select(p => new GroupParticipantItem(p.Number, p.Role))];

    /// <summary>Participants are phone numbers in E.164 digits, a leading plus tolerated; kept as <c>+digits</c>, once each.</summary>
    private static bool TryNormalize(IReadOnlyList<string> values, out List<string> people)
    {
        people = [];
        foreach (var value in values)
        {
            var trimmed = value.Trim();
            if (!Phone().IsMatch(trimmed))
            {
                return false;
            }

            var normalized = "+" + trimmed.TrimStart('+');
            if (!people.Contains(normalized))
            {
                people.Add(normalized);
            }
        }

        return true;
    }

    private static string NewGroupId(PilotStatusState state)
    {
        string id;
        do
        {
            id = "120363" + RandomNumberGenerator.GetString("0123456789", 12) + "@g.us";
        }
        while (state.Groups.GroupList.Exists(g => g.Id == id));

        return id;
    }

    [GeneratedRegex(@"^[0-9A-Za-z_-]+@g\.us$")]
    private static partial Regex GroupJid();

    [GeneratedRegex(@"^\+?[1-9]\d{7,14}$")]
    private static partial Regex Phone();
}
