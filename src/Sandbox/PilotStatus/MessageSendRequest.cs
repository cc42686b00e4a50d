using System.Text.RegularExpressions;

namespace Serverless.Sandbox.PilotStatus;

internal enum DestinationKind
{
    Phone,
    UserId,
    Group,
    Newsletter,
}

/// <summary>
/// A validated <c>POST /v1/messages/send</c> body. Only shape rules live here; rules that need the account
/// (templates, provider capabilities, the 24 h window) are applied by the endpoint under the state lock.
/// </summary>
internal sealed partial class MessageSendRequest
{
    private static readonly string[] MediaTypes = ["image", "video", "document", "audio"];

    private static readonly Dictionary<string, (string MediaType, string MimeType)> KnownExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image", "image/jpeg"),
        [".jpeg"] = ("image", "image/jpeg"),
        [".png"] = ("image", "image/png"),
        [".webp"] = ("image", "image/webp"),
        [".gif"] = ("image", "image/gif"),
        [".mp4"] = ("video", "video/mp4"),
        [".3gp"] = ("video", "video/3gpp"),
        [".mov"] = ("video", "video/quicktime"),
        [".mp3"] = ("audio", "audio/mpeg"),
        [".ogg"] = ("audio", "audio/ogg"),
        [".opus"] = ("audio", "audio/ogg"),
        [".m4a"] = ("audio", "audio/mp4"),
        [".aac"] = ("audio", "audio/aac"),
        [".amr"] = ("audio", "audio/amr"),
        [".wav"] = ("audio", "audio/wav"),
        [".pdf"] = ("document", "application/pdf"),
        [".doc"] = ("document", "application/msword"),
        [".docx"] = ("document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xls"] = ("document", "application/vnd.ms-excel"),
        [".xlsx"] = ("document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".ppt"] = ("document", "application/vnd.ms-powerpoint"),
        [".pptx"] = ("document", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        [".txt"] = ("document", "text/plain"),
        [".csv"] = ("document", "text/csv"),
        [".zip"] = ("document", "application/zip"),
    };

    private MessageSendRequest(DestinationKind destinationKind, string destination)
    {
        DestinationKind = destinationKind;
        Destination = destination;
    }

    public DestinationKind DestinationKind { get; }

    /// <summary>Normalised destination: <c>+digits</c> for phones, otherwise as given.</summary>
    public string Destination { get; }

    public string? TemplateId { get; private init; }

    public IReadOnlyDictionary<string, string> Variables { get; private init; } = new Dictionary<string, string>();

    public string? Text { get; private init; }

    public string? Media { get; private init; }

    public string? MediaType { get; private init; }

    public string? MediaMimeType { get; private init; }

    public string? Caption { get; private init; }

    public DateTimeOffset? DeliverAt { get; private init; }

    public string? CorrelationId { get; private init; }

    public bool IsTemplate => TemplateId is not null;

    public bool IsFreeForm => TemplateId is null;

    public static IResult? Parse(JsonBody body, out MessageSendRequest? request)
    {
        request = null;
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Request body must be a JSON object.");
        }

        var root = body.Root;
        if (ReadStrings(root, out var fields, "destinationNumber", "groupId", "newsletterId", "templateId", "text", "media", "mediaType", "caption", "deliverAt", "correlationId")
            is { } typeError)
        {
            return typeError;
        }

        var destinationError = ParseDestination(fields, out var kind, out var destination);
        if (destinationError is not null)
        {
            return destinationError;
        }

        var templateId = fields["templateId"];
        var text = fields["text"];
        var media = fields["media"];
        var mediaType = fields["mediaType"]?.ToLowerInvariant();
        var caption = fields["caption"];

        if (templateId is null && text is null && media is null)
        {
            return PilotStatusErrors.Validation("Provide exactly one message mode: templateId (with variables), text, or media with mediaType.");
        }

        if (templateId is not null && text is not null)
        {
            return PilotStatusErrors.Validation("templateId and text cannot be combined; send either a template or free text.");
        }

        if (text is not null && media is not null)
        {
            return PilotStatusErrors.Validation("text cannot be combined with media; use caption to add text to image, video or document media.");
        }

        if (mediaType is not null && !MediaTypes.Contains(mediaType))
        {
            return PilotStatusErrors.Validation("mediaType must be one of image, video, document, audio.");
        }

        if (mediaType is not null && media is null)
        {
            return PilotStatusErrors.Validation("mediaType requires media.");
        }

        string? mimeType = null;
        if (media is not null)
        {
            if (!TryDescribeMedia(media, out var inferredType, out mimeType))
            {
                return PilotStatusErrors.Validation("media must be a public http(s) URL or a base64 data URI (data:<mime>;base64,...).");
            }

            mediaType ??= inferredType;
            if (mediaType is null)
            {
                return PilotStatusErrors.Validation("mediaType is required when it cannot be inferred from the media URL.");
            }
        }

        if (caption is not null)
        {
            if (media is null)
            {
                return PilotStatusErrors.Validation("caption requires media (image, video or document).");
            }

            if (mediaType == "audio")
            {
                return PilotStatusErrors.Validation("caption is not supported for audio; audio is delivered as a voice note.");
            }
        }

        if (ParseButtons(root, text) is { } buttonsError)
        {
            return buttonsError;
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (templateId is not null && root.TryGetProperty("variables", out var variablesElement) && variablesElement.ValueKind != JsonValueKind.Null)
        {
            if (variablesElement.ValueKind != JsonValueKind.Object)
            {
                return PilotStatusErrors.Validation("variables must be an object mapping variable names to values.");
            }

            foreach (var variable in variablesElement.EnumerateObject())
            {
                if (!JsonFields.TryGetScalarText(variable.Value, out var value))
                {
                    return PilotStatusErrors.Validation($"variables.{variable.Name} must be a string, number or boolean.");
                }

                if (value is not null)
                {
                    variables[variable.Name] = value;
                }
            }
        }

        DateTimeOffset? deliverAt = null;
        if (fields["deliverAt"] is { } deliverAtText)
        {
            if (!SandboxHttp.TryParseInstant(deliverAtText, out var parsed))
            {
                return PilotStatusErrors.Validation("deliverAt must be an ISO-8601 date-time, e.g. 2026-01-31T14:00:00Z.");
            }

            deliverAt = parsed;
        }

        request = new MessageSendRequest(kind, destination!)
        {
            TemplateId = templateId,
            Variables = variables,
            Text = text,
            Media = media,
            MediaType = mediaType,
            MediaMimeType = mimeType,
            Caption = caption,
            DeliverAt = deliverAt,
            CorrelationId = fields["correlationId"],
        };
        return null;
    }

    /// <summary>Reads string members, treating blank strings as absent so <c>""</c> never counts as a chosen option.</summary>
    private static IResult? ReadStrings(JsonElement root, out Dictionary<string, string?> fields, params string[] names)
    {
        fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!JsonFields.TryGetString(root, name, out var value))
            {
                return PilotStatusErrors.Validation($"{name} must be a string.");
            }

            fields[name] = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        return null;
    }

    private static IResult? ParseDestination(Dictionary<string, string?> fields, out DestinationKind kind, out string? destination)
    {
        kind = default;
        destination = null;
        var number = fields["destinationNumber"];
        var group = fields["groupId"];
        var newsletter = fields["newsletterId"];

        var count = (number is null ? 0 : 1) + (group is null ? 0 : 1) + (newsletter is null ? 0 : 1);
        if (count != 1)
        {
            return PilotStatusErrors.Validation(count == 0
                ? "Provide exactly one destination: destinationNumber, groupId or newsletterId."
                : "Provide only one destination: destinationNumber, groupId or newsletterId.");
        }

        if (number is not null)
        {
            if (PhonePattern().IsMatch(number))
            {
                kind = DestinationKind.Phone;
                destination = number.StartsWith('+') ? number : "+" + number;
                return null;
            }

            if (UserIdPattern().IsMatch(number))
            {
                kind = DestinationKind.UserId;
                destination = number;
                return null;
            }

            return PilotStatusErrors.Validation(
                "destinationNumber must be an E.164 phone number (e.g. +5511999999999) or a contact userId (BSUID, e.g. BR.1349...).");
        }

        if (group is not null)
        {
            if (!group.EndsWith("@g.us", StringComparison.Ordinal) || group.Length == "@g.us".Length)
            {
                return PilotStatusErrors.Validation("groupId must be a group JID ending in @g.us.");
            }

            kind = DestinationKind.Group;
            destination = group;
            return null;
        }

        if (!newsletter!.EndsWith("@newsletter", StringComparison.Ordinal) || newsletter.Length == "@newsletter".Length)
        {
            return PilotStatusErrors.Validation("newsletterId must be a newsletter JID ending in @newsletter.");
        }

        kind = DestinationKind.Newsletter;
        destination = newsletter;
        return null;
    }

    private static IResult? ParseButtons(JsonElement root, string? text)
    {
        var hasButtons = IsPresent(root, "buttons", out var buttons);
        if (hasButtons)
        {
            if (buttons.ValueKind != JsonValueKind.Array || buttons.GetArrayLength() is 0 or > 3)
            {
                return PilotStatusErrors.Validation("buttons must be an array of 1 to 3 buttons.");
            }

            if (text is null)
            {
                return PilotStatusErrors.Validation("buttons can only be used with text messages.");
            }
        }

        if (!hasButtons && (IsPresent(root, "header", out _) || IsPresent(root, "footer", out _)))
        {
            return PilotStatusErrors.Validation("header and footer can only be used together with buttons.");
        }

        return null;
    }

    private static bool IsPresent(JsonElement root, string name, out JsonElement value)
        => root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static bool TryDescribeMedia(string media, out string? mediaType, out string? mimeType)
    {
        mediaType = null;
        mimeType = null;

        var dataUri = DataUriPattern().Match(media);
        if (dataUri.Success)
        {
            mimeType = dataUri.Groups["mime"].Value.ToLowerInvariant();
            mediaType = mimeType.Split('/')[0] switch
            {
                "image" => "image",
                "video" => "video",
                "audio" => "audio",
                _ => "document",
            };
            return true;
        }

        if (!Uri.TryCreate(media, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        if (KnownExtensions.TryGetValue(Path.GetExtension(uri.AbsolutePath), out var known))
        {
            (mediaType, mimeType) = known;
        }

        return true;
    }

    [GeneratedRegex(@"^\+?[1-9][0-9]{7,14}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Z]{2}\.[A-Za-z0-9]+$")]
    private static partial Regex UserIdPattern();

    [GeneratedRegex(@"^data:(?<mime>[\w.+-]+/[\w.+-]+);base64,[A-Za-z0-9+/=\s]+$")]
    private static partial Regex DataUriPattern();
}
