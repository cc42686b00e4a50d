namespace Serverless.Sandbox.PilotStatus;

public static class WebhookDeliveryStatuses
{
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
}

/// <summary>A webhook: an endpoint that receives the events of exactly one number (fixed at creation).</summary>
public sealed class Webhook
{
    /// <summary>Prefix of the sandbox's signing secrets; see <see cref="SecretFor"/>.</summary>
    public const string SecretPrefix = "whsec_sandbox_";

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string NumberId { get; init; }

    public required string Name { get; set; }

    public required string Url { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>Subscribed event names; <c>"*"</c> means all, an empty list means none.</summary>
    public IReadOnlyList<string> Events { get; set; } = [];

    /// <summary>
    /// HMAC key of the delivery signature. The vendor API never returns it, so the twin makes it readable here and
    /// derives it from the id (<see cref="SecretFor"/>) so a local receiver can verify without any lookup.
    /// </summary>
    public required string Secret { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Time of the latest delivery attempt.</summary>
    public DateTimeOffset? LastTriggered { get; set; }

    /// <summary>Delivery attempts, oldest first; capped at <see cref="MaxLogs"/>.</summary>
    internal List<WebhookDeliveryLog> Logs { get; } = [];

    internal const int MaxLogs = 500;

    /// <summary>The deterministic demo secret of a webhook: <c>whsec_sandbox_</c> followed by its id.</summary>
    public static string SecretFor(string webhookId) => SecretPrefix + webhookId;

    internal void AddLog(WebhookDeliveryLog log)
    {
        Logs.Add(log);
        if (Logs.Count > MaxLogs)
        {
            Logs.RemoveRange(0, Logs.Count - MaxLogs);
        }
    }
}

/// <summary>One delivery attempt of one event to one webhook.</summary>
/// <param name="DeliveryId">Shared by every attempt of the same event to the same webhook (also sent as a header).</param>
/// <param name="StatusCode">The receiver's HTTP status; null when no answer came (refused, timed out).</param>
/// <param name="Payload">The exact body that was POSTed.</param>
/// <param name="Response">The receiver's answer (or the transport error), shortened.</param>
public sealed record WebhookDeliveryLog(
    string Id,
    string WebhookId,
    string DeliveryId,
    string Event,
    string Status,
    int? StatusCode,
    string Payload,
    string? Response,
    long DurationMs,
    int Attempt,
    DateTimeOffset CreatedAt)
{
    public JsonNode? PayloadJson() => JsonNode.Parse(Payload);
}
