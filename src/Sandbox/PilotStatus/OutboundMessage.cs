namespace Serverless.Sandbox.PilotStatus;

public static class MessageStatuses
{
    public const string Queued = "QUEUED";
    public const string Sent = "SENT";
    public const string Delivered = "DELIVERED";
    public const string Read = "READ";
    public const string Failed = "FAILED";
    public const string Canceled = "CANCELED";
}

/// <summary>
/// A message accepted by <c>POST /v1/messages/send</c>. Its status is derived from the clock on demand
/// (<see cref="Advance"/>) instead of by timers, so tests driving a fake clock see deterministic transitions; a
/// state ticker announces each transition as a webhook event (see <see cref="MessageEvents"/>).
/// </summary>
public sealed class OutboundMessage
{
    /// <summary>Time from dispatch until the provider accepts the message.</summary>
    public static readonly TimeSpan SendDelay = TimeSpan.FromSeconds(1);

    /// <summary>Time from dispatch until the handset confirms delivery.</summary>
    public static readonly TimeSpan DeliveryDelay = TimeSpan.FromSeconds(3);

    /// <summary>Time from dispatch until a recipient with read receipts opens the message.</summary>
    public static readonly TimeSpan ReadDelay = TimeSpan.FromSeconds(8);

    public required string Id { get; init; }

    public required string CorrelationId { get; init; }

    public required string NumberId { get; init; }

    public required string ConversationId { get; init; }

    /// <summary>E.164 with <c>+</c>, or a BSUID, for direct messages.</summary>
    public string? DestinationNumber { get; init; }

    public string? GroupId { get; init; }

    public string? NewsletterId { get; init; }

    public string? TemplateId { get; init; }

    public string? TemplateName { get; init; }

    public IReadOnlyDictionary<string, string>? Variables { get; init; }

    /// <summary>Free text, or the rendered template body for template sends.</summary>
    public string? Text { get; init; }

    public string? Media { get; init; }

    public string? MediaType { get; init; }

    public string? Caption { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliverAt { get; init; }

    public string Status { get; private set; } = MessageStatuses.Queued;

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DateTimeOffset? FailedAt { get; private set; }

    public DateTimeOffset? CanceledAt { get; private set; }

    /// <summary>Provider (wamid) id, exposed only once the provider has accepted the message.</summary>
    public string? ExternalMessageId => SentAt is null ? null : ProviderMessageId;

    public string? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>Asynchronous failure decided at send time (e.g. Meta's 24 h window) that surfaces when dispatch happens.</summary>
    internal (string Code, string Message)? PendingFailure { get; init; }

    internal string ProviderMessageId { get; init; } = string.Empty;

    /// <summary>The recipient has read receipts on, so the message goes on to READ; otherwise it stays DELIVERED.</summary>
    internal bool RecipientSendsReadReceipts { get; init; }

    private readonly HashSet<string> _publishedEvents = new(StringComparer.Ordinal);

    /// <summary>Records that a lifecycle event went out; false if it already had, so each fires once.</summary>
    internal bool MarkPublished(string eventName) => _publishedEvents.Add(eventName);

    /// <summary>Nothing about this message can change or be announced any more.</summary>
    internal bool EventsSettled => Status switch
    {
        MessageStatuses.Canceled => true,
        MessageStatuses.Failed => _publishedEvents.Contains(WebhookEvents.MessageFailed),
        MessageStatuses.Read => _publishedEvents.Contains(WebhookEvents.MessageRead),
        _ => false,
    };

    /// <summary>When the message leaves the queue: the later of creation and a future <see cref="DeliverAt"/>.</summary>
    public DateTimeOffset DispatchAt => DeliverAt is { } at && at > CreatedAt ? at : CreatedAt;

    public bool IsTerminal => Status is MessageStatuses.Failed or MessageStatuses.Canceled or MessageStatuses.Read;

    internal bool IsCancellable(DateTimeOffset now) => Status == MessageStatuses.Queued && DeliverAt is { } at && at > now;

    internal void Advance(DateTimeOffset now)
    {
        if (IsTerminal)
        {
            return;
        }

        var attemptAt = DispatchAt + SendDelay;
        if (now < attemptAt)
        {
            return;
        }

        if (Status == MessageStatuses.Queued)
        {
            if (PendingFailure is { } failure)
            {
                Status = MessageStatuses.Failed;
                FailedAt = attemptAt;
                ErrorCode = failure.Code;
                ErrorMessage = failure.Code + ": " + failure.Message;
                return;
            }

            Status = MessageStatuses.Sent;
            SentAt = attemptAt;
        }

        var deliveredAt = DispatchAt + DeliveryDelay;
        if (Status == MessageStatuses.Sent && now >= deliveredAt)
        {
            Status = MessageStatuses.Delivered;
            DeliveredAt = deliveredAt;
        }

        var readAt = DispatchAt + ReadDelay;
        if (Status == MessageStatuses.Delivered && RecipientSendsReadReceipts && now >= readAt)
        {
            Status = MessageStatuses.Read;
            ReadAt = readAt;
        }
    }

    internal void Cancel(DateTimeOffset now)
    {
        Status = MessageStatuses.Canceled;
        CanceledAt = now;
    }
}
