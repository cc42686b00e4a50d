namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// Turns the clock-derived lifecycle of outbound messages into <c>message.sent</c>, <c>message.delivered</c>,
/// <c>message.read</c> and <c>message.failed</c> events, each exactly once per message, in lifecycle order.
/// </summary>
internal static class MessageEvents
{
    /// <summary>Ticker body; runs under the state lock.</summary>
    public static void PublishTransitions(PilotStatusState state, DateTimeOffset now)
    {
        foreach (var message in state.OutboundMessageList)
        {
            if (message.EventsSettled)
            {
                continue;
            }

            message.Advance(now);
            Raise(state, message, WebhookEvents.MessageSent, MessageStatuses.Sent, message.SentAt);
            Raise(state, message, WebhookEvents.MessageDelivered, MessageStatuses.Delivered, message.DeliveredAt);
            Raise(state, message, WebhookEvents.MessageRead, MessageStatuses.Read, message.ReadAt);
            Raise(state, message, WebhookEvents.MessageFailed, MessageStatuses.Failed, message.FailedAt);
        }
    }

    private static void Raise(PilotStatusState state, OutboundMessage message, string eventName, string status, DateTimeOffset? at)
    {
        if (at is not { } when || !message.MarkPublished(eventName))
        {
            return;
        }

        var number = state.NumberList.Find(n => n.Id == message.NumberId);
        var isPhone = message.DestinationNumber?.StartsWith('+') == true;
        var data = new JsonObject
        {
            ["id"] = WebhookPayloads.NewEventId(),
            // The provider id exists only once the provider accepted the message; early failures have none.
            ["messageId"] = message.ExternalMessageId,
            ["internalMessageId"] = message.Id,
            ["correlationId"] = message.CorrelationId,
            ["numberId"] = message.NumberId,
            ["from"] = number?.PhoneNumber,
            ["to"] = isPhone ? message.DestinationNumber : null,
            ["status"] = status,
        };
        if (!isPhone && message.DestinationNumber is { } userId)
        {
            data["userId"] = userId;
        }

        if (message.GroupId is { } groupId)
        {
            data["groupId"] = groupId;
        }

        if (message.NewsletterId is { } newsletterId)
        {
            data["newsletterId"] = newsletterId;
        }

        if (message.TemplateName is { } template)
        {
            data["templateName"] = template;
        }

        if (eventName == WebhookEvents.MessageFailed)
        {
            data["errorCode"] = message.ErrorCode;
            data["errorMessage"] = message.ErrorMessage;
        }

        data["createdAt"] = WebhookPayloads.Instant(when);
        state.Publish(message.NumberId, eventName, WebhookPayloads.Envelope(eventName, data));
    }
}
