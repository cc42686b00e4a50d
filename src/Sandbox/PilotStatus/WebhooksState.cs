namespace Serverless.Sandbox.PilotStatus;

/// <summary>A published event as the twin recorded it, whether or not any webhook wanted it.</summary>
public sealed record PublishedEvent(string NumberId, string Event, string Body, DateTimeOffset PublishedAt);

/// <summary>Webhooks, the events published to them and their deliveries.</summary>
public sealed class WebhooksState
{
    private readonly PilotStatusState _core;

    internal WebhooksState(PilotStatusState core) => _core = core;

    /// <summary>First attempt plus three retries.</summary>
    public const int MaxDeliveryAttempts = 4;

    private const int MaxPublishedEvents = 1000;

    private long _deliverySequence;

    internal List<Webhook> WebhookList { get; } = [];

    internal List<PendingDelivery> PendingDeliveryList { get; } = [];

    private List<PublishedEvent> PublishedEventList { get; } = [];

    /// <summary>Raised (under <see cref="PilotStatusState.Sync"/>) when a delivery becomes due, so the delivery pump wakes at once.</summary>
    internal event Action? DeliveryQueued;

    /// <summary>Wait before retry number <paramref name="attemptsMade"/>: 1 s, 2 s, 4 s on the state's clock.</summary>
    public static TimeSpan RetryDelay(int attemptsMade) => TimeSpan.FromSeconds(1 << Math.Max(0, attemptsMade - 1));

    /// <summary>A webhook's delivery attempts, newest first.</summary>
    public IReadOnlyList<WebhookDeliveryLog> GetWebhookLogs(string webhookId)
    {
        lock (_core.Sync)
        {
            return FindWebhook(webhookId) is { } webhook ? webhook.Logs.AsEnumerable().Reverse().ToArray() : [];
        }
    }

    /// <summary>The signing secret the vendor never reveals; the twin exposes it so receivers can be tested.</summary>
    public string? GetWebhookSecret(string webhookId)
    {
        lock (_core.Sync)
        {
            return FindWebhook(webhookId)?.Secret;
        }
    }

    /// <summary>The most recent events raised by the twin (oldest first), including those no webhook subscribed to.</summary>
    public IReadOnlyList<PublishedEvent> GetPublishedEvents() => _core.Snapshot(PublishedEventList);

    /// <summary>Deliveries still queued or waiting for a retry.</summary>
    public int GetPendingDeliveryCount()
    {
        lock (_core.Sync)
        {
            return PendingDeliveryList.Count;
        }
    }

    internal Webhook? FindWebhook(string id) => WebhookList.Find(w => w.Id == id);

    internal void Seed(DateTimeOffset now)
    {
        _core.Tickers.Add(t => MessageEvents.PublishTransitions(_core, t));
        WebhookSeed.Populate(_core, now);
    }

    /// <summary>Records an event and queues it for every active webhook of its number that wants it. Runs under the state's lock.</summary>
    internal void Enqueue(string numberId, string eventName, JsonObject payload)
    {
        var body = payload.ToJsonString(SandboxJson.Options);
        var now = _core.Time.GetUtcNow();
        PublishedEventList.Add(new PublishedEvent(numberId, eventName, body, now));
        if (PublishedEventList.Count > MaxPublishedEvents)
        {
            PublishedEventList.RemoveRange(0, PublishedEventList.Count - MaxPublishedEvents);
        }

        var queued = false;
        foreach (var webhook in WebhookList)
        {
            if (webhook.NumberId != numberId || !webhook.Active || !WebhookEvents.Wants(webhook.Events, eventName))
            {
                continue;
            }

            PendingDeliveryList.Add(new PendingDelivery
            {
                Id = SandboxIds.New("dlv"),
                WebhookId = webhook.Id,
                Event = eventName,
                Body = body,
                Sequence = ++_deliverySequence,
                DueAt = now,
            });
            queued = true;
        }

        if (queued)
        {
            DeliveryQueued?.Invoke();
        }
    }

    /// <summary>
    /// Hands out the deliveries whose time has come, at most one in flight per webhook and in publication order.
    /// Deliveries of a deleted or paused webhook are dropped. Must run under <see cref="PilotStatusState.Sync"/>.
    /// </summary>
    internal List<DeliveryAttempt> TakeDueDeliveries(DateTimeOffset now)
    {
        var busy = PendingDeliveryList.Where(d => d.InFlight).Select(d => d.WebhookId).ToHashSet(StringComparer.Ordinal);
        var taken = new List<DeliveryAttempt>();
        foreach (var delivery in PendingDeliveryList.OrderBy(d => d.Sequence).ToArray())
        {
            if (delivery.InFlight)
            {
                continue;
            }

            var webhook = FindWebhook(delivery.WebhookId);
            if (webhook is null || !webhook.Active)
            {
                PendingDeliveryList.Remove(delivery);
                continue;
            }

            if (delivery.DueAt > now || busy.Contains(webhook.Id))
            {
                continue;
            }

            busy.Add(webhook.Id);
            delivery.InFlight = true;
            delivery.Attempts++;
            taken.Add(new DeliveryAttempt(delivery, delivery.Attempts, webhook.Url, webhook.Secret));
        }

        return taken;
    }

    /// <summary>Records one attempt in the webhook's logs and schedules the retry, if any. Must run under <see cref="PilotStatusState.Sync"/>.</summary>
    internal void CompleteDelivery(DeliveryAttempt attempt, DeliveryOutcome outcome, DateTimeOffset startedAt)
    {
        var delivery = attempt.Delivery;
        delivery.InFlight = false;
        var webhook = FindWebhook(delivery.WebhookId);
        if (webhook is null)
        {
            PendingDeliveryList.Remove(delivery);
            return;
        }

        webhook.AddLog(new WebhookDeliveryLog(
            SandboxIds.New("whl"),
            webhook.Id,
            delivery.Id,
            delivery.Event,
            outcome.Success ? WebhookDeliveryStatuses.Success : WebhookDeliveryStatuses.Failed,
            outcome.StatusCode,
            delivery.Body,
            outcome.Response,
            outcome.DurationMs,
            attempt.Attempt,
            startedAt));
        webhook.LastTriggered = startedAt;

        if (outcome.Success || !outcome.Retryable || delivery.Attempts >= MaxDeliveryAttempts)
        {
            PendingDeliveryList.Remove(delivery);
            return;
        }

        delivery.DueAt = _core.Time.GetUtcNow() + RetryDelay(delivery.Attempts);
    }
}
