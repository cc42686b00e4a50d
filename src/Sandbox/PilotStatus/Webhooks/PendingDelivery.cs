namespace Serverless.Sandbox.PilotStatus;

/// <summary>An event waiting to reach one webhook; it stays queued between retries.</summary>
internal sealed class PendingDelivery
{
    public required string Id { get; init; }

    public required string WebhookId { get; init; }

    public required string Event { get; init; }

    /// <summary>Serialized once at publish time, so every attempt (and its signature) carries the same bytes.</summary>
    public required string Body { get; init; }

    /// <summary>Publication order; deliveries to one webhook go out one at a time in this order.</summary>
    public required long Sequence { get; init; }

    /// <summary>Earliest next attempt, on the state's clock.</summary>
    public required DateTimeOffset DueAt { get; set; }

    public int Attempts { get; set; }

    public bool InFlight { get; set; }
}

/// <summary>What the pump needs to make one attempt, copied out under the state lock.</summary>
internal sealed record DeliveryAttempt(PendingDelivery Delivery, int Attempt, string Url, string Secret);

/// <param name="StatusCode">The receiver's status; null without an HTTP answer.</param>
/// <param name="Retryable">False when trying again cannot help (the twin refused to contact the host).</param>
internal sealed record DeliveryOutcome(bool Success, int? StatusCode, string? Response, long DurationMs, bool Retryable = true);
