namespace Serverless.Sandbox.PilotStatus;

// Wire shapes of the webhook endpoints. The signing secret has no field here on purpose: the vendor never returns it.

public sealed record WebhookApiKeyReference(string Id, string Name);

public sealed record WebhookResponse(
    string Id,
    string TenantId,
    string Name,
    string Url,
    string Environment,
    bool Active,
    IReadOnlyList<string> Events,
    IReadOnlyList<WebhookApiKeyReference> ApiKeys,
    DateTimeOffset? LastTriggered,
    IReadOnlyList<string> WhatsappNumberIds,
    IReadOnlyList<string> WhatsappInstanceIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record WebhookDeletedResponse(bool Deleted, string Id);

public sealed record WebhookLogItem(
    string Id,
    string WebhookId,
    string DeliveryId,
    string Event,
    string Status,
    int? StatusCode,
    int Attempt,
    JsonNode? Payload,
    string? Response,
    long DurationMs,
    DateTimeOffset CreatedAt);

public sealed record WebhookLogPage(IReadOnlyList<WebhookLogItem> Logs);

public sealed record InboundSimulationResponse(
    string Id,
    string ConversationId,
    string MessageId,
    IReadOnlyList<string> Events,
    DateTimeOffset CreatedAt);

/// <summary>Answer of the sandbox-only number status control: the event raised and the number's state after it.</summary>
public sealed record NumberStatusSimulationResponse(string NumberId, string Event, string State);
