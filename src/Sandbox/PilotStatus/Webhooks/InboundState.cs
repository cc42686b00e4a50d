using System.Text.RegularExpressions;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>What a simulated inbound message produced.</summary>
/// <param name="Id">Pilot Status id of the new chat line (as in messages_unread).</param>
/// <param name="MessageId">Provider id of the message, as webhooks carry it in <c>messageId</c>.</param>
/// <param name="Events">Events raised, in order (e.g. <c>message.received</c>, then <c>message.reply</c>).</param>
public sealed record SimulatedInbound(string Id, string ConversationId, string MessageId, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);

/// <summary>Messages contacts send to the twin's numbers, as if from their phones.</summary>
public sealed class InboundState
{
    private readonly PilotStatusState _core;

    internal InboundState(PilotStatusState core) => _core = core;

    /// <summary>
    /// Makes a contact write to one of the twin's numbers, as if from their phone: a new unread chat line, the
    /// conversation moved to the top of listings, and <c>message.received</c> (<c>message.group</c> for a group,
    /// plus <c>message.reply</c> when quoting one of our messages) published to the number's webhooks.
    /// </summary>
    /// <param name="from">The sender's phone, E.164 (for a group: the participant's phone).</param>
    /// <param name="groupId">Group JID (<c>…@g.us</c>) when the message was written in a group.</param>
    /// <param name="quotedMessageId">Id of one of our messages that the contact replied to (ours or the provider's).</param>
    /// <exception cref="ArgumentException">The number is unknown or an argument is malformed.</exception>
    public SimulatedInbound SimulateInbound(
        string numberId, string from, string text, string? fromName = null, string? groupId = null, string? quotedMessageId = null)
    {
        lock (_core.Sync)
        {
            var number = _core.NumberList.Find(n => n.Id == numberId) ?? throw new ArgumentException($"Unknown number '{numberId}'.", nameof(numberId));
            var request = InboundRequest.Create(number, from, text, fromName, groupId, quotedMessageId, out var problem)
                ?? throw new ArgumentException(problem!.Value.Message, problem.Value.Field);
            return ReceiveInbound(number, request, _core.Time.GetUtcNow());
        }
    }

    /// <summary>Adds an already validated inbound message. Must run under <see cref="PilotStatusState.Sync"/>.</summary>
    internal SimulatedInbound ReceiveInbound(WhatsAppNumber number, InboundRequest request, DateTimeOffset now)
    {
        // A channel post arrives like a group message, keyed by the channel's @newsletter id.
        var conversation = request.GroupId is { } groupId
            ? _core.ConversationList.Find(c => c.NumberId == number.Id && c.GroupId == groupId)
              ?? AddConversation(number, groupId.EndsWith("@newsletter", StringComparison.Ordinal) ? ConversationTypes.Newsletter : ConversationTypes.Group, null, groupId, now)
            : _core.FindDirectConversation(number.Id, request.From) ?? AddConversation(number, ConversationTypes.Direct, request.FromName, null, now);

        var senderName = request.FromName ?? (conversation.Type == ConversationTypes.Direct ? conversation.FromName : null);
        if (conversation.Type == ConversationTypes.Direct && conversation.FromName is null && request.FromName is not null)
        {
            conversation.FromName = request.FromName;
        }

        var providerId = number.IsMeta
            ? "wamid.HBgM" + Guid.NewGuid().ToString("N").ToUpperInvariant()
            : "3EB0" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        var line = new ConversationMessage
        {
            Id = SandboxIds.New("msg"),
            ConversationId = conversation.Id,
            NumberId = number.Id,
            Direction = MessageDirections.Inbound,
            Type = "text",
            Content = request.Text,
            From = request.From,
            FromName = senderName,
            ExternalMessageId = providerId,
            CreatedAt = now,
        };
        _core.ConversationMessageList.Add(line);
        conversation.RecordActivity(now, request.Text);

        var data = new JsonObject
        {
            ["id"] = WebhookPayloads.NewEventId(),
            ["messageId"] = providerId,
            ["numberId"] = number.Id,
            ["from"] = request.From,
            ["to"] = number.PhoneNumber,
            ["type"] = "text",
            ["fromMe"] = false,
            ["content"] = request.Text,
            ["participantName"] = senderName,
        };
        if (conversation.Type == ConversationTypes.Group)
        {
            data["groupId"] = conversation.GroupId;
            data["groupName"] = conversation.GroupName;
        }
        else if (conversation.Type == ConversationTypes.Newsletter)
        {
            data["newsletterId"] = conversation.GroupId;
        }

        data["createdAt"] = WebhookPayloads.Instant(now);

        var events = new List<string>();
        var first = conversation.Type switch
        {
            ConversationTypes.Group => WebhookEvents.MessageGroup,
            ConversationTypes.Newsletter => WebhookEvents.MessageNewsletter,
            _ => WebhookEvents.MessageReceived,
        };
        _core.Publish(number.Id, first, WebhookPayloads.Envelope(first, data));
        events.Add(first);

        if (request.QuotedMessageId is { } quoted)
        {
            var original = _core.FindOutbound(number.Id, quoted);
            var reply = (JsonObject)data.DeepClone();
            reply["id"] = WebhookPayloads.NewEventId();
            // Receivers match this against the messageId of their message.sent event: the provider id.
            reply["quotedMessageId"] = original?.ExternalMessageId ?? original?.ProviderMessageId ?? quoted;
            _core.Publish(number.Id, WebhookEvents.MessageReply, WebhookPayloads.Envelope(WebhookEvents.MessageReply, reply));
            events.Add(WebhookEvents.MessageReply);
        }

        return new SimulatedInbound(line.Id, conversation.Id, providerId, events, now);

        Conversation AddConversation(WhatsAppNumber owner, string type, string? name, string? group, DateTimeOffset at)
        {
            var created = new Conversation
            {
                Id = SandboxIds.New("conv"),
                NumberId = owner.Id,
                Type = type,
                From = type == ConversationTypes.Direct ? request.From : null,
                FromName = name,
                GroupId = group,
                CreatedAt = at,
                LastMessageAt = at,
            };
            _core.ConversationList.Add(created);
            return created;
        }
    }
}

/// <summary>A validated simulated inbound message; shared by the public method and the control endpoint.</summary>
internal sealed partial record InboundRequest(string From, string Text, string? FromName, string? GroupId, string? QuotedMessageId)
{
    /// <summary>Checks and normalises the caller's values for <paramref name="number"/>; on failure names the bad field.</summary>
    public static InboundRequest? Create(
        WhatsAppNumber number, string? from, string? text, string? fromName, string? groupId, string? quotedMessageId,
        out (string Field, string Message)? problem)
    {
        problem = null;
        var phone = string.IsNullOrWhiteSpace(from) ? "" : from.Trim();
        if (phone.Length > 0 && !phone.StartsWith('+'))
        {
            phone = "+" + phone;
        }

        var group = Blank(groupId);
        if (!Phone().IsMatch(phone))
        {
            problem = ("from", "from must be the sender's phone number in E.164 format, e.g. +5511988887777.");
        }
        else if (string.IsNullOrWhiteSpace(text))
        {
            problem = ("text", "text is required.");
        }
        else if (group is not null && !group.EndsWith("@g.us", StringComparison.Ordinal) && !group.EndsWith("@newsletter", StringComparison.Ordinal))
        {
            problem = ("groupId", "groupId must be a group JID ending with @g.us (or a channel id ending with @newsletter).");
        }
        else if (group is not null && number.IsMeta)
        {
            problem = ("groupId", "Meta (official API) numbers do not take part in groups; use a QR-paired number.");
        }

        return problem is null ? new InboundRequest(phone, text!.Trim(), Blank(fromName), group, Blank(quotedMessageId)) : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^\+[1-9]\d{7,14}$")]
    private static partial Regex Phone();
}
