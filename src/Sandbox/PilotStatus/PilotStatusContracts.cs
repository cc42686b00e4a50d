using System.Text.Json.Serialization;

namespace Serverless.Sandbox.PilotStatus;

// Wire shapes of the Pilot Status API. Nulls are written on purpose: the vendor returns explicit nulls
// (e.g. readAt, externalMessageId) and clients may rely on the keys being present.

/// <summary>
/// The vendor's error body. <see cref="Details"/> is written as its runtime type, so each details shape
/// (the records below, or a preview the caller must confirm) is registered in the sandbox's JSON context.
/// </summary>
public sealed record PilotStatusError(
    string Error,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Details = null);

/// <summary>Details naming the template variables a request left out.</summary>
public sealed record MissingVariablesDetails(IReadOnlyList<string> Missing);

/// <summary>Details naming the webhook events the vendor does not know.</summary>
public sealed record UnknownEventsDetails(IReadOnlyList<string> Unknown);

/// <summary>Details listing each rejected field with its rule.</summary>
public sealed record FieldErrorsDetails(IReadOnlyList<string> Fields);

public sealed record SendMessageResponse(
    string Id,
    string CorrelationId,
    string Status,
    DateTimeOffset CreatedAt,
    string Origin,
    string SourceNumber);

public sealed record MessageTemplateReference(string Id, string Name, IReadOnlyDictionary<string, string> Variables);

public sealed record MessageResponse(
    string Id,
    string Status,
    string CorrelationId,
    string? DestinationNumber,
    string? GroupId,
    string? NewsletterId,
    MessageTemplateReference? Template,
    string? Text,
    string? Media,
    string? MediaType,
    string? Caption,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliverAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? ReadAt,
    string? ExternalMessageId,
    string? ErrorMessage);

public sealed record CancelFailure(string Id, string Reason);

public sealed record CancelMessagesResponse(IReadOnlyList<string> Cancelled, IReadOnlyList<CancelFailure> Failed, int NotFound);

public sealed record GroupMessageItem(
    string Id,
    string ConversationId,
    string Direction,
    string Type,
    string? Content,
    string? From,
    string? FromName,
    string? GroupId,
    string? GroupName,
    MessageMedia? Media,
    DateTimeOffset CreatedAt);

public sealed record UnreadMessageItem(
    string Id,
    string ConversationId,
    int ConversationUnreadCount,
    string Direction,
    string Type,
    string? Content,
    string? From,
    string? FromName,
    MessageMedia? Media,
    DateTimeOffset? ReadAt,
    DateTimeOffset ReceivedAt);

public sealed record MessagePage<T>(IReadOnlyList<T> Messages, int Total, int Page, int PageSize, int TotalPages);

public sealed record ConversationItem(
    string Id,
    string Type,
    string? From,
    string? FromName,
    string? UserId,
    string? Username,
    string? GroupId,
    string? GroupName,
    int UnreadCount,
    DateTimeOffset LastMessageAt,
    string? LastMessagePreview,
    DateTimeOffset CreatedAt);

public sealed record ConversationPage(IReadOnlyList<ConversationItem> Conversations, int Total, int Page, int PageSize, int TotalPages);
