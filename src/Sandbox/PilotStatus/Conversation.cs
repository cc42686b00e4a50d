namespace Serverless.Sandbox.PilotStatus;

public static class ConversationTypes
{
    public const string Direct = "DIRECT";
    public const string Group = "GROUP";
    public const string Newsletter = "NEWSLETTER";
}

public static class MessageDirections
{
    public const string Inbound = "INBOUND";
    public const string Outbound = "OUTBOUND";
}

public sealed class Conversation
{
    public required string Id { get; init; }

    public required string NumberId { get; init; }

    public required string Type { get; init; }

    /// <summary>Contact phone (E.164 with <c>+</c>); null for groups, newsletters and username-only contacts.</summary>
    public string? From { get; set; }

    public string? FromName { get; set; }

    /// <summary>BSUID (durable contact id, e.g. <c>BR.1349…</c>), usable as a send destination.</summary>
    public string? UserId { get; set; }

    public string? Username { get; set; }

    public string? GroupId { get; init; }

    public string? GroupName { get; set; }

    public string? NewsletterId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset LastMessageAt { get; set; }

    public string? LastMessagePreview { get; set; }

    private const int PreviewLength = 120;

    /// <summary>Moves the conversation to the top of listings with a shortened preview of its newest line.</summary>
    internal void RecordActivity(DateTimeOffset at, string preview)
    {
        LastMessageAt = at;
        LastMessagePreview = preview.Length > PreviewLength ? preview[..PreviewLength] : preview;
    }
}

/// <summary>Provider media reference attached to a chat message.</summary>
/// <param name="Provider"><c>META</c>, <c>EVO</c> or <c>EVO_GO</c>.</param>
/// <param name="Id">Meta media id (usable with the media endpoint); null for Evolution media.</param>
/// <param name="Url">Downloadable URL; Evolution media are fetched from here directly.</param>
/// <param name="MimeType">MIME type of the file.</param>
/// <param name="FileName">Original file name when the provider reports one.</param>
public sealed record MessageMedia(string Provider, string? Id, string? Url, string MimeType, string? FileName);

/// <summary>One chat line as it appears in inbox-style listings (unread, group messages).</summary>
public sealed class ConversationMessage
{
    public required string Id { get; init; }

    public required string ConversationId { get; init; }

    public required string NumberId { get; init; }

    public required string Direction { get; init; }

    /// <summary><c>text</c>, <c>image</c>, <c>audio</c>, <c>video</c>, <c>document</c>, <c>location</c>, …</summary>
    public required string Type { get; init; }

    public string? Content { get; init; }

    public string? From { get; init; }

    public string? FromName { get; init; }

    public MessageMedia? Media { get; init; }

    /// <summary>Provider id of the line (wamid on Meta, the key id on Evolution), when the twin knows it.</summary>
    public string? ExternalMessageId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Inbound messages stay unread (null) until read in the dashboard; the API never marks them read.</summary>
    public DateTimeOffset? ReadAt { get; set; }

    public bool IsUnread => Direction == MessageDirections.Inbound && ReadAt is null;
}
