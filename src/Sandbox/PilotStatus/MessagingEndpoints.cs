namespace Serverless.Sandbox.PilotStatus;

/// <summary>Send, status and cancel endpoints of the Messaging area.</summary>
internal static class MessagingEndpoints
{
    private const int MaxCancelIds = 100;
    private static readonly TimeSpan MetaCustomerServiceWindow = TimeSpan.FromHours(24);

    /// <summary>Demo contacts who have read receipts on, so messages to them reach READ; Bruno keeps his off.</summary>
    private static readonly HashSet<string> ContactsWithReadReceipts = new(StringComparer.Ordinal)
    {
        PilotStatusSeed.ConversationAnaId, PilotStatusSeed.ConversationDoraId, PilotStatusSeed.ConversationCarlaId,
    };

    public static IEndpointRouteBuilder MapMessagingEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapPilotStatusOperation(HttpMethods.Post, "/v1/messages/send", KeyRequirement.Number, state, Send);
        routes.MapPilotStatusOperation(HttpMethods.Delete, "/v1/messages/cancel", KeyRequirement.Number, state, Cancel);
        routes.MapPilotStatusOperation(HttpMethods.Get, "/v1/messages/{messageId}", KeyRequirement.Number, state, Get);
        return routes;
    }

    private static IResult Send(PilotStatusCall call, JsonBody body)
    {
        if (MessageSendRequest.Parse(body, out var request) is { } invalid)
        {
            return invalid;
        }

        var state = call.State;
        var number = call.Number;
        var now = call.Now;

        if (number.IsMeta && request!.DestinationKind == DestinationKind.Group)
        {
            return PilotStatusErrors.NotSupportedForMeta("Groups are not supported for Meta (official API) numbers; use groupId with a QR-paired number.");
        }

        if (number.IsMeta && request!.DestinationKind == DestinationKind.Newsletter)
        {
            return PilotStatusErrors.NotSupportedForMeta("Newsletters are not supported for Meta (official API) numbers.");
        }

        MessageTemplate? template = null;
        string? renderedTemplate = null;
        (string Code, string Message)? pendingFailure = null;
        if (request!.IsTemplate)
        {
            template = state.FindTemplate(number.Id, request.TemplateId!);
            if (template is null)
            {
                return PilotStatusErrors.NotFound(PilotStatusErrorCodes.TemplateNotFound, $"Template '{request.TemplateId}' was not found for this number.");
            }

            var missing = template.Variables
                .Where(name => !request.Variables.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
                .ToArray();
            if (missing.Length > 0)
            {
                return PilotStatusErrors.BadRequest(
                    PilotStatusErrorCodes.MissingTemplateVariables,
                    $"Missing template variables: {string.Join(", ", missing)}.",
                    new MissingVariablesDetails(missing));
            }

            renderedTemplate = template.Render(request.Variables);
            if (!template.IsSendableOn(number))
            {
                pendingFailure = (PilotStatusErrorCodes.MetaTemplateNotApproved,
                    $"template '{template.Name}' is not an approved Meta template (status: {template.MetaStatus ?? template.Source}).");
            }
        }

        var existing = FindConversation(state, number, request);
        var dispatchAt = request.DeliverAt is { } at && at > now ? at : now;
        if (number.IsMeta && request.IsFreeForm && pendingFailure is null && !IsInsideCustomerServiceWindow(state, existing, dispatchAt))
        {
            pendingFailure = (PilotStatusErrorCodes.MetaOutside24HWindow,
                "free-form messages from a Meta number can only be sent within 24 hours of the contact's last message; send an approved template instead.");
        }

        var conversation = existing ?? CreateConversation(state, number, request, now);
        var message = new OutboundMessage
        {
            Id = SandboxIds.New("msg"),
            CorrelationId = request.CorrelationId ?? Guid.NewGuid().ToString("D"),
            ProviderMessageId = "wamid.HBgM" + Guid.NewGuid().ToString("N").ToUpperInvariant(),
            NumberId = number.Id,
            ConversationId = conversation.Id,
            DestinationNumber = request.DestinationKind is DestinationKind.Phone or DestinationKind.UserId ? request.Destination : null,
            GroupId = request.DestinationKind == DestinationKind.Group ? request.Destination : null,
            NewsletterId = request.DestinationKind == DestinationKind.Newsletter ? request.Destination : null,
            TemplateId = template?.Id,
            TemplateName = template?.Name,
            Variables = template is null ? null : request.Variables,
            Text = request.Text ?? renderedTemplate,
            Media = request.Media,
            MediaType = request.MediaType,
            Caption = request.Caption,
            CreatedAt = now,
            DeliverAt = request.DeliverAt,
            PendingFailure = pendingFailure,
            RecipientSendsReadReceipts = ContactsWithReadReceipts.Contains(conversation.Id),
        };
        state.OutboundMessageList.Add(message);
        RecordChatLine(state, number, conversation, message, request, now);

        return SandboxJson.Result(
            new SendMessageResponse(message.Id, message.CorrelationId, message.Status, message.CreatedAt, number.DisplayName, number.PhoneNumber),
            statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Get(PilotStatusCall call)
    {
        var messageId = call.Route("messageId") ?? string.Empty;
        var message = AdvanceAndFind(call, messageId);
        return message is null
            ? PilotStatusErrors.NotFound(PilotStatusErrorCodes.MessageNotFound, $"Message '{messageId}' was not found for this number.")
            : SandboxJson.Result(ToResponse(message));
    }

    private static IResult Cancel(PilotStatusCall call, JsonBody body)
    {
        IReadOnlyList<string>? ids = null;
        if (!body.IsObject
            || !body.Root.TryGetProperty("messageIds", out var element)
            || !JsonFields.TryReadStringArray(element, out ids)
            || ids!.Count is 0 or > MaxCancelIds
            || ids.Any(string.IsNullOrWhiteSpace))
        {
            return PilotStatusErrors.Validation($"messageIds must be an array of 1 to {MaxCancelIds} message ids.");
        }

        var now = call.Now;
        var cancelled = new List<string>();
        var failed = new List<CancelFailure>();
        var notFound = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            var message = AdvanceAndFind(call, id);
            if (message is null)
            {
                notFound++;
            }
            else if (message.IsCancellable(now))
            {
                message.Cancel(now);
                // A cancelled message never reached the chat, so it must not linger in inbox listings.
                call.State.ConversationMessageList.RemoveAll(line => line.Id == message.Id);
                cancelled.Add(message.Id);
            }
            else
            {
                failed.Add(new CancelFailure(id, message.Status == MessageStatuses.Queued
                    ? "Message is not scheduled for a future deliverAt; only scheduled QUEUED messages can be cancelled."
                    : $"Message is {message.Status}; only QUEUED messages with a future deliverAt can be cancelled."));
            }
        }

        return SandboxJson.Result(new CancelMessagesResponse(cancelled, failed, notFound));
    }

    private static OutboundMessage? AdvanceAndFind(PilotStatusCall call, string anyId)
    {
        var now = call.Now;
        foreach (var candidate in call.State.OutboundMessageList)
        {
            if (candidate.NumberId == call.Number.Id)
            {
                candidate.Advance(now);
            }
        }

        return call.State.FindOutbound(call.Number.Id, anyId);
    }

    internal static MessageResponse ToResponse(OutboundMessage message)
        => new(
            message.Id,
            message.Status,
            message.CorrelationId,
            message.DestinationNumber,
            message.GroupId,
            message.NewsletterId,
            message.TemplateId is null ? null : new MessageTemplateReference(message.TemplateId, message.TemplateName!, message.Variables!),
            message.Text,
            message.Media,
            message.MediaType,
            message.Caption,
            message.CreatedAt,
            message.DeliverAt,
            message.SentAt,
            message.DeliveredAt,
            message.ReadAt,
            message.ExternalMessageId,
            message.ErrorMessage);

    private static bool IsInsideCustomerServiceWindow(PilotStatusState state, Conversation? conversation, DateTimeOffset dispatchAt)
        => conversation is not null
           && state.LastInboundAt(conversation.Id) is { } lastInbound
           && dispatchAt - lastInbound <= MetaCustomerServiceWindow;

    private static Conversation? FindConversation(PilotStatusState state, WhatsAppNumber number, MessageSendRequest request)
        => request.DestinationKind switch
        {
            DestinationKind.Group => state.ConversationList.Find(c => c.NumberId == number.Id && c.GroupId == request.Destination),
            DestinationKind.Newsletter => state.ConversationList.Find(c => c.NumberId == number.Id && c.NewsletterId == request.Destination),
            _ => state.FindDirectConversation(number.Id, request.Destination),
        };

    private static Conversation CreateConversation(PilotStatusState state, WhatsAppNumber number, MessageSendRequest request, DateTimeOffset now)
    {
        var conversation = new Conversation
        {
            Id = SandboxIds.New("conv"),
            NumberId = number.Id,
            Type = request.DestinationKind switch
            {
                DestinationKind.Group => ConversationTypes.Group,
                DestinationKind.Newsletter => ConversationTypes.Newsletter,
                _ => ConversationTypes.Direct,
            },
            From = request.DestinationKind == DestinationKind.Phone ? request.Destination : null,
            UserId = request.DestinationKind == DestinationKind.UserId ? request.Destination : null,
            GroupId = request.DestinationKind == DestinationKind.Group ? request.Destination : null,
            NewsletterId = request.DestinationKind == DestinationKind.Newsletter ? request.Destination : null,
            CreatedAt = now,
            LastMessageAt = now,
        };
        state.ConversationList.Add(conversation);
        return conversation;
    }

    private static void RecordChatLine(
        PilotStatusState state, WhatsAppNumber number, Conversation conversation, OutboundMessage message, MessageSendRequest request, DateTimeOffset now)
    {
        var content = message.Caption ?? message.Text;
        conversation.RecordActivity(now, content ?? "[" + message.MediaType + "]");

        state.ConversationMessageList.Add(new ConversationMessage
        {
            Id = message.Id,
            ConversationId = conversation.Id,
            NumberId = number.Id,
            Direction = MessageDirections.Outbound,
            Type = message.MediaType ?? "text",
            Content = content,
            From = number.PhoneNumber,
            FromName = number.DisplayName,
            Media = message.Media is null ? null : new MessageMedia(
                number.ProviderKind,
                null,
                message.Media.StartsWith("data:", StringComparison.Ordinal) ? null : message.Media,
                request.MediaMimeType ?? "application/octet-stream",
                FileNameOf(message.Media)),
            // Scheduled sends join the chat only when dispatched; listings hide lines dated in the future.
            CreatedAt = message.DispatchAt,
        });
    }

    private static string? FileNameOf(string media)
        => Uri.TryCreate(media, UriKind.Absolute, out var uri) && uri.Scheme != "data" && Path.GetFileName(uri.AbsolutePath) is { Length: > 0 } name
            ? Uri.UnescapeDataString(name)
            : null;
}
