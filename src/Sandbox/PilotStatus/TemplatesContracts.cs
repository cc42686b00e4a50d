namespace Serverless.Sandbox.PilotStatus;

// Wire shapes of the template endpoints.

/// <summary>One template as list and get return it; <c>body</c> is the current body text.</summary>
public sealed record TemplateItem(
    string Id,
    string Name,
    string Category,
    string Body,
    IReadOnlyList<string> Variables,
    string Source,
    string? MetaStatus,
    string? MetaLanguage,
    bool Sendable,
    JsonObject? Header,
    JsonObject? Footer,
    JsonArray? Buttons,
    int Version,
    int? ApprovedVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt);

/// <summary>Answer of create and update.</summary>
public sealed record TemplateSummary(string Id, string Name, string Category, string? MetaStatus);

public sealed record TemplateDeleted(bool Deleted, string Id);
