using System.Text.RegularExpressions;

namespace Serverless.Tools.PilotStatus;

/// <summary>
/// The arguments of messages_send, checked against the vendor's rules before anything is sent:
/// exactly one destination, exactly one mode, valid numbers and media.
/// </summary>
public sealed partial record SendMessageBody(
    string? DestinationNumber,
    string? GroupId,
    string? NewsletterId,
    string? TemplateId,
    IReadOnlyDictionary<string, string>? Variables,
    string? Text,
    string? Media,
    MediaType? MediaType,
    string? Caption,
    string? DeliverAt)
{
    public JsonObject ToBody()
    {
        var body = new JsonObject();
        AddDestination(body);
        AddMode(body);

        if (Arguments.IsoInstant(DeliverAt, "deliverAt") is { } deliverAt)
        {
            body["deliverAt"] = deliverAt;
        }

        return body;
    }

    private void AddDestination(JsonObject body)
    {
        var given = new[] { ("destinationNumber", DestinationNumber), ("groupId", GroupId), ("newsletterId", NewsletterId) }
            .Where(d => !string.IsNullOrWhiteSpace(d.Item2))
            .ToArray();
        if (given.Length != 1)
        {
            throw new ToolArgumentException("destinationNumber",
                given.Length == 0
                    ? "Give exactly one destination: destinationNumber, groupId or newsletterId."
                    : $"Give exactly one destination; got {string.Join(" and ", given.Select(g => g.Item1))}.");
        }

        var (name, raw) = given[0];
        var value = raw!.Trim();
        var valid = name switch
        {
            "destinationNumber" => Arguments.IsE164(value) || Bsuid().IsMatch(value),
            "groupId" => value.EndsWith("@g.us", StringComparison.Ordinal) && value.Length > 5,
            _ => value.EndsWith("@newsletter", StringComparison.Ordinal) && value.Length > 11,
        };
        if (!valid)
        {
            throw new ToolArgumentException(name, name switch
            {
                "destinationNumber" => $"'{value}' is not an E.164 phone number (such as +5511999998888) nor a contact userId from conversations_list.",
                "groupId" => $"'{value}' is not a group id; group ids end with @g.us.",
                _ => $"'{value}' is not a channel id; channel ids end with @newsletter.",
            });
        }

        body[name] = value;
    }

    private void AddMode(JsonObject body)
    {
        var hasTemplate = !string.IsNullOrWhiteSpace(TemplateId);
        var hasText = !string.IsNullOrWhiteSpace(Text);
        var hasMedia = !string.IsNullOrWhiteSpace(Media);
        if (hasTemplate && hasText)
        {
            throw new ToolArgumentException("text", "Choose one mode: templateId (template), text (free text) or media with mediaType (direct media), not templateId and text together.");
        }

        if (!hasTemplate && !hasText && !hasMedia)
        {
            throw new ToolArgumentException("templateId", "Choose one mode: templateId (template), text (free text) or media with mediaType (direct media).");
        }

        if (hasText && hasMedia)
        {
            throw new ToolArgumentException("media", "Free text and direct media are separate modes; send the text as the media caption or as its own message.");
        }

        if (Variables is { Count: > 0 } && !hasTemplate)
        {
            throw new ToolArgumentException("variables", "'variables' belong to template mode; add templateId or drop them.");
        }

        if (hasTemplate)
        {
            body["templateId"] = TemplateId!.Trim();
            var variables = new JsonObject();
            foreach (var (key, value) in Variables ?? new Dictionary<string, string>())
            {
                variables[key] = value;
            }

            body["variables"] = variables;
        }
        else if (hasText)
        {
            body["text"] = Text;
        }
        else if (MediaType is null)
        {
            throw new ToolArgumentException("mediaType", "Direct media needs mediaType: image, video, document or audio.");
        }

        if (hasMedia)
        {
            var media = Media!.Trim();
            if (!Arguments.IsHttpUrl(media) && !Arguments.IsBase64DataUri(media))
            {
                throw new ToolArgumentException("media", "'media' must be a public http(s) URL or a base64 data URI (data:<mime>;base64,...).");
            }

            body["media"] = media;
        }

        if (MediaType is { } type)
        {
            if (!hasMedia)
            {
                throw new ToolArgumentException("mediaType", "'mediaType' describes 'media'; pass media too or drop mediaType.");
            }

            body["mediaType"] = type.ToString().ToLowerInvariant();
        }

        if (!string.IsNullOrWhiteSpace(Caption))
        {
            if (!hasMedia)
            {
                throw new ToolArgumentException("caption", "'caption' goes with media; pass media or send the words as text.");
            }

            if (MediaType == PilotStatus.MediaType.Audio)
            {
                throw new ToolArgumentException("caption", "Audio is delivered as a voice note and cannot carry a caption.");
            }

            body["caption"] = Caption;
        }
    }

    // A business-scoped user id as conversations_list reports it, for contacts without a visible phone.
    [GeneratedRegex(@"^[A-Z]{2}\.[0-9A-Za-z]+$")]
    private static partial Regex Bsuid();
}
