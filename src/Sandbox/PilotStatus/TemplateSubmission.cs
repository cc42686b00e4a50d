using System.Text.RegularExpressions;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// The body of <c>POST /v1/templates</c> and <c>PUT /v1/templates/{id}</c>, read and checked the way the vendor
/// documents it: content as an object, the same object as a JSON string, or plain text; examples for every variable.
/// </summary>
internal sealed partial record TemplateSubmission(
    string? Name,
    string? Category,
    string? Language,
    JsonObject Content,
    string BodyText,
    IReadOnlyList<string> Variables,
    IReadOnlyDictionary<string, string> Examples)
{
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal) { "MARKETING", "UTILITY", "OTP" };

    private const int MaxBodyLength = 1024;
    private const int MaxShortText = 60;

    private static readonly Dictionary<string, int> ButtonCaps = new(StringComparer.Ordinal)
    {
        ["QUICK_REPLY"] = 10,
        ["URL"] = 2,
        ["PHONE_NUMBER"] = 1,
        ["COPY_CODE"] = 1,
    };

    private static readonly string[] Shorteners = ["bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly", "cutt.ly", "rebrand.ly", "shorturl.at"];

    public static IResult? Parse(JsonBody body, bool isCreate, out TemplateSubmission? submission)
    {
        submission = null;
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("Request body must be a JSON object.");
        }

        var root = body.Root;
        string? name = null;
        if (isCreate)
        {
            if (!JsonFields.TryGetString(root, "name", out var rawName) || string.IsNullOrWhiteSpace(rawName))
            {
                return PilotStatusErrors.Validation("name is required.");
            }

            name = Separators().Replace(rawName.Trim(), "_");
            if (!NamePattern().IsMatch(name))
            {
                return PilotStatusErrors.Validation("name may only contain letters and numbers (separators become _).");
            }
        }

        if (!JsonFields.TryGetString(root, "category", out var category) || (category is not null && !Categories.Contains(category)))
        {
            return PilotStatusErrors.Validation("category must be MARKETING, UTILITY or OTP.");
        }

        if (!JsonFields.TryGetString(root, "language", out var language))
        {
            return PilotStatusErrors.Validation("language must be a string such as pt_BR.");
        }

        if (ReadContent(root) is not { } content)
        {
            return PilotStatusErrors.Validation("body is required: an object { header?, body: { text }, footer?, buttons? }, that JSON as a string, or plain text.");
        }

        var variables = new List<string>();
        if (Normalize(content, variables, out var normalized) is { } invalid)
        {
            return PilotStatusErrors.Validation(invalid);
        }

        if (ReadExamples(root, out var examples) is { } badExamples)
        {
            return PilotStatusErrors.Validation(badExamples);
        }

        var distinct = variables.Distinct(StringComparer.Ordinal).ToArray();
        var missing = distinct.Where(v => !examples.TryGetValue(v, out var sample) || string.IsNullOrWhiteSpace(sample)).ToArray();
        if (missing.Length > 0)
        {
            return PilotStatusErrors.BadRequest(TemplateErrorCodes.ExamplesRequired,
                $"examples is required when the template uses variables; missing: {string.Join(", ", missing)}.", new MissingVariablesDetails(missing));
        }

        submission = new TemplateSubmission(name, category, string.IsNullOrWhiteSpace(language) ? null : language.Trim(),
            normalized!, normalized!["body"]!["text"]!.GetValue<string>(), distinct, examples);
        return null;
    }

    /// <summary>What Meta's review would refuse outright; this twin refuses links through URL shorteners, as Meta does.</summary>
    public string? MetaRejection()
    {
        var links = new List<string> { BodyText };
        if (Content["buttons"] is JsonArray buttons)
        {
            links.AddRange(buttons.Select(b => b?["url"]?.GetValue<string>()).OfType<string>());
        }

        var shortened = links.SelectMany(text => Shorteners.Where(s => Regex.IsMatch(text, $@"(^|[/\s.]){Regex.Escape(s)}(/|\s|$)", RegexOptions.IgnoreCase)))
            .FirstOrDefault();
        return shortened is null
            ? null
            : $"Meta rejected the template: links through URL shorteners ({shortened}) are not allowed; use the full destination URL.";
    }

    private static JsonObject? ReadContent(JsonElement root)
    {
        if (!root.TryGetProperty("body", out var body))
        {
            return null;
        }

        if (body.ValueKind == JsonValueKind.Object)
        {
            return JsonNode.Parse(body.GetRawText())!.AsObject();
        }

        if (body.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(body.GetString()))
        {
            return null;
        }

        var text = body.GetString()!;
        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                if (JsonNode.Parse(text) is JsonObject parsed)
                {
                    return parsed;
                }
            }
            catch (JsonException)
            {
                // Falls through: text that merely starts with a brace is plain body text.
            }
        }

        return new JsonObject { ["body"] = new JsonObject { ["text"] = text } };
    }

    /// <summary>Checks the structure and copies the known parts; returns the first problem found.</summary>
    private static string? Normalize(JsonObject content, List<string> variables, out JsonObject? normalized)
    {
        normalized = null;
        var result = new JsonObject();

        if (content["header"] is JsonObject header)
        {
            if (Header(header, variables, out var cleanHeader) is { } headerProblem)
            {
                return headerProblem;
            }

            if (cleanHeader is not null)
            {
                result["header"] = cleanHeader;
            }
        }
        else if (content["header"] is not null)
        {
            return "header must be an object.";
        }

        if (content["body"] is not JsonObject main || Text(main) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return "body.text is required.";
        }

        text = text.Trim();
        if (text.Length > MaxBodyLength)
        {
            return $"body.text must be at most {MaxBodyLength} characters.";
        }

        var found = MessageTemplate.VariablePattern().Matches(text);
        if (found.Count > 0 && (found[0].Index == 0 || found[^1].Index + found[^1].Length == text.Length))
        {
            return "body.text must not start or end with a variable.";
        }

        variables.AddRange(found.Select(m => m.Groups[1].Value));
        result["body"] = new JsonObject { ["text"] = text };

        if (content["footer"] is { } footerNode)
        {
            if (footerNode is not JsonObject footer || Text(footer) is not { } footerText)
            {
                return "footer must be an object with text.";
            }

            if (footerText.Length > MaxShortText || MessageTemplate.VariablePattern().IsMatch(footerText))
            {
                return $"footer.text must be at most {MaxShortText} characters and have no variables.";
            }

            result["footer"] = new JsonObject { ["text"] = footerText };
        }

        if (content["buttons"] is { } buttonsNode)
        {
            if (buttonsNode is not JsonArray buttons)
            {
                return "buttons must be an array.";
            }

            if (Buttons(buttons, variables) is { } buttonProblem)
            {
                return buttonProblem;
            }

            result["buttons"] = buttons.DeepClone();
        }

        normalized = result;
        return null;
    }

    private static string? Header(JsonObject header, List<string> variables, out JsonObject? clean)
    {
        clean = null;
        var type = (header["type"]?.GetValueKind() == JsonValueKind.String ? header["type"]!.GetValue<string>() : "NONE").ToUpperInvariant();
        switch (type)
        {
            case "NONE":
                return null;
            case "TEXT":
                var text = Text(header);
                if (string.IsNullOrWhiteSpace(text) || text.Length > MaxShortText || text.Contains('\n'))
                {
                    return $"header.text is required for a TEXT header: one line of at most {MaxShortText} characters.";
                }

                var found = MessageTemplate.ExtractVariables(text);
                if (found.Count > 1)
                {
                    return "header.text may contain at most one variable.";
                }

                variables.AddRange(found);
                clean = new JsonObject { ["type"] = type, ["text"] = text };
                return null;
            case "IMAGE" or "VIDEO" or "DOCUMENT":
                var url = String(header, "url");
                var base64 = String(header, "base64");
                if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    clean = new JsonObject { ["type"] = type, ["url"] = url };
                    return null;
                }

                if (url is null && base64 is not null && DataUri().IsMatch(base64))
                {
                    // The vendor re-hosts inline media and keeps only the hosted link.
                    clean = new JsonObject { ["type"] = type, ["url"] = $"https://example.com/sandbox/media/{SandboxIds.New("hdr")}" };
                    return null;
                }

                return $"header.url (http/https) or header.base64 (data URI) is required for a {type} header.";
            default:
                return "header.type must be NONE, TEXT, IMAGE, VIDEO or DOCUMENT.";
        }
    }

    private static string? Buttons(JsonArray buttons, List<string> variables)
    {
        if (buttons.Count > 10)
        {
            return "At most 10 buttons are allowed.";
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in buttons)
        {
            var type = node is JsonObject b && String(b, "type") is { } t ? t.ToUpperInvariant() : null;
            if (type is null || !ButtonCaps.TryGetValue(type, out var cap))
            {
                return "Each button needs a type: QUICK_REPLY, URL, PHONE_NUMBER or COPY_CODE.";
            }

            var button = (JsonObject)node!;
            counts[type] = counts.GetValueOrDefault(type) + 1;
            if (counts[type] > cap)
            {
                return $"At most {cap} {type} button(s) are allowed.";
            }

            if (type != "COPY_CODE" && string.IsNullOrWhiteSpace(Text(button)))
            {
                return $"{type} buttons need text.";
            }

            if (type == "URL")
            {
                var url = String(button, "url") ?? "";
                var found = MessageTemplate.VariablePattern().Matches(url);
                var fixedPart = found.Count == 0 ? url : url[..found[0].Index];
                if (found.Count > 1 || (found.Count == 1 && found[0].Index + found[0].Length != url.Length)
                    || !Uri.TryCreate(fixedPart, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    return "URL buttons need an http(s) url, static or ending in one variable.";
                }

                variables.AddRange(found.Select(m => m.Groups[1].Value));
            }
            else if (type == "PHONE_NUMBER" && !E164().IsMatch(String(button, "phone_number") ?? ""))
            {
                return "PHONE_NUMBER buttons need phone_number in E.164.";
            }
            else if (type == "COPY_CODE" && button["example"] is not (JsonArray { Count: > 0 } or JsonValue))
            {
                return "COPY_CODE buttons need the code in example.";
            }
        }

        return null;
    }

    private static string? ReadExamples(JsonElement root, out Dictionary<string, string> examples)
    {
        examples = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("examples", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return "examples must be an object mapping each variable to a sample value.";
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!JsonFields.TryGetScalarText(property.Value, out var sample))
            {
                return $"examples.{property.Name} must be a text sample.";
            }

            if (sample is not null)
            {
                examples[property.Name] = sample;
            }
        }

        return null;
    }

    private static string? Text(JsonObject obj) => String(obj, "text");

    private static string? String(JsonObject obj, string name)
        => obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    [GeneratedRegex(@"[\s\-.]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^[A-Za-z0-9_]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^data:[\w.+-]+/[\w.+-]+;base64,", RegexOptions.IgnoreCase)]
    private static partial Regex DataUri();

    [GeneratedRegex(@"^\+?[1-9]\d{7,14}$")]
    private static partial Regex E164();
}

/// <summary>Template codes of the vendor, beside the shared ones in <see cref="PilotStatusErrorCodes"/>.</summary>
internal static class TemplateErrorCodes
{
    public const string ExamplesRequired = "TEMPLATE_EXAMPLES_REQUIRED";
    public const string AlreadyExists = "TEMPLATE_ALREADY_EXISTS";
    public const string MetaSubmitFailed = "META_TEMPLATE_SUBMIT_FAILED";
}
