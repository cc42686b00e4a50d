using System.Text.RegularExpressions;

namespace Serverless.Tools.PilotStatus;

/// <summary>
/// Checks template content against the documented WhatsApp limits before it is submitted, so a mistake is
/// reported at once instead of after a Meta review, and works out which variables need an example.
/// </summary>
public static partial class TemplateArguments
{
    public const int MaxNameLength = 512;
    public const int MaxBodyLength = 1024;
    public const int MaxHeaderTextLength = 60;
    public const int MaxFooterLength = 60;
    public const int MaxButtons = 10;

    public const string ExamplesRequiredCode = "TEMPLATE_EXAMPLES_REQUIRED";

    private static readonly Dictionary<string, int> ButtonCaps = new(StringComparer.Ordinal)
    {
        ["QUICK_REPLY"] = 10,
        ["URL"] = 2,
        ["PHONE_NUMBER"] = 1,
        ["COPY_CODE"] = 1,
    };

    /// <summary>
    /// Validates <paramref name="body"/> (object, the same object as a JSON string, or plain text) and the
    /// examples it needs; returns the body unchanged in the caller's shape, as the vendor accepts all three.
    /// </summary>
    public static JsonNode Check(JsonElement body, IReadOnlyDictionary<string, string>? examples)
    {
        var variables = new List<string>();
        if (Structured(body) is { } structure)
        {
            CheckStructure(structure, variables);
        }
        else
        {
            CheckBodyText(body.GetString()!, variables);
        }

        var missing = variables
            .Distinct(StringComparer.Ordinal)
            .Where(v => examples is null || !examples.TryGetValue(v, out var sample) || string.IsNullOrWhiteSpace(sample))
            .ToArray();
        if (missing.Length > 0)
        {
            throw new ToolArgumentException("examples",
                $"Templates with variables need one realistic sample per variable in 'examples' (for Meta's review). Missing: {string.Join(", ", missing)}.",
                ExamplesRequiredCode, "Add an 'examples' object with one realistic sample per variable and call again.");
        }

        return JsonSerializer.SerializeToNode(body, ToolJsonContext.Default.JsonElement)!;
    }

    public static string Name(string? name)
    {
        var value = Arguments.NotBlank(name, "name");
        if (value.Length > MaxNameLength || !NamePattern().IsMatch(value))
        {
            throw new ToolArgumentException("name",
                $"'{value}' is not a valid template name: use letters and digits, separated by '_' (spaces, '-' and '.' become '_'), at most {MaxNameLength} characters.");
        }

        return value;
    }

    public static string? Language(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var value = language.Trim();
        if (!LanguagePattern().IsMatch(value))
        {
            throw new ToolArgumentException("language", $"'{value}' is not a WhatsApp language code; use codes such as pt_BR, en_US or es.");
        }

        return value;
    }

    public static string ToWire(this TemplateCategory category) => category switch
    {
        TemplateCategory.Marketing => "MARKETING",
        TemplateCategory.Utility => "UTILITY",
        _ => "OTP",
    };

    public static IReadOnlyList<string> VariablesIn(string text) =>
        Variable().Matches(text).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>The object form of the content, or null when it is plain text.</summary>
    private static JsonElement? Structured(JsonElement body)
    {
        switch (body.ValueKind)
        {
            case JsonValueKind.Object:
                return body;
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(body.GetString()):
                var text = body.GetString()!.Trim();
                if (!text.StartsWith('{'))
                {
                    return null;
                }

                try
                {
                    using var document = JsonDocument.Parse(text);
                    return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
                }
                catch (JsonException)
                {
                    // Not JSON after all: the vendor then takes it as plain body text.
                    return null;
                }

            default:
                throw new ToolArgumentException("body",
                    "'body' is required: an object {header?, body: {text}, footer?, buttons?} (recommended), that object as a JSON string, or plain body text.");
        }
    }

    private static void CheckStructure(JsonElement content, List<string> variables)
    {
        if (!content.TryGetProperty("body", out var main) || main.ValueKind != JsonValueKind.Object
            || !main.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            throw new ToolArgumentException("body", "The template needs its main text as body.text, e.g. {\"body\": {\"text\": \"Hi {{name}}, your order is ready.\"}}.");
        }

        if (Member(content, "header") is { } header)
        {
            CheckHeader(header, variables);
        }

        CheckBodyText(text.GetString()!, variables);

        if (Member(content, "footer") is { } footer)
        {
            CheckFooter(footer);
        }

        if (Member(content, "buttons") is { } buttons)
        {
            CheckButtons(buttons, variables);
        }
    }

    private static void CheckBodyText(string text, List<string> variables)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new ToolArgumentException("body", "The template's body text is empty.");
        }

        if (trimmed.Length > MaxBodyLength)
        {
            throw new ToolArgumentException("body", $"The body text has {trimmed.Length} characters; the limit is {MaxBodyLength}.");
        }

        var found = Variable().Matches(trimmed);
        if (found.Count > 0 && (found[0].Index == 0 || found[^1].Index + found[^1].Length == trimmed.Length))
        {
            throw new ToolArgumentException("body", "The body text must not start or end with a variable; put some words before the first and after the last {{variable}}.");
        }

        variables.AddRange(found.Select(m => m.Groups[1].Value));
    }

    private static void CheckHeader(JsonElement header, List<string> variables)
    {
        if (header.ValueKind != JsonValueKind.Object)
        {
            throw new ToolArgumentException("body", "body.header must be an object such as {\"type\": \"IMAGE\", \"url\": \"https://...\"} or {\"type\": \"TEXT\", \"text\": \"...\"}.");
        }

        var type = (StringMember(header, "type") ?? "NONE").Trim().ToUpperInvariant();
        switch (type)
        {
            case "NONE":
                return;
            case "TEXT":
                var text = StringMember(header, "text");
                if (string.IsNullOrWhiteSpace(text))
                {
                    throw new ToolArgumentException("body", "A TEXT header needs body.header.text.");
                }

                if (text.Length > MaxHeaderTextLength)
                {
                    throw new ToolArgumentException("body", $"The header text has {text.Length} characters; the limit is {MaxHeaderTextLength}.");
                }

                if (text.Contains('\n') || text.Contains('\r'))
                {
                    throw new ToolArgumentException("body", "The header text must be a single line.");
                }

                var found = VariablesIn(text);
                if (found.Count > 1)
                {
                    throw new ToolArgumentException("body", "The header text may hold at most one variable.");
                }

                variables.AddRange(found);
                return;
            case "IMAGE" or "VIDEO" or "DOCUMENT":
                CheckHeaderMedia(header, type);
                return;
            case "LOCATION":
                throw new ToolArgumentException("body", "Templates have no LOCATION header; use NONE, TEXT, IMAGE, VIDEO or DOCUMENT.");
            default:
                throw new ToolArgumentException("body", $"Unknown header type '{type}'; use NONE, TEXT, IMAGE, VIDEO or DOCUMENT.");
        }
    }

    private static void CheckHeaderMedia(JsonElement header, string type)
    {
        const string HostIt = "Host the file somewhere public and pass its http(s) link as body.header.url; base64 and data URIs are not accepted here.";
        var url = StringMember(header, "url")?.Trim();
        if (Member(header, "base64") is not null || (url is not null && url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ToolArgumentException("body", $"Header media must be given by URL. {HostIt}");
        }

        if (string.IsNullOrEmpty(url))
        {
            throw new ToolArgumentException("body", $"A {type} header needs body.header.url. {HostIt}");
        }

        if (!Arguments.IsHttpUrl(url))
        {
            throw new ToolArgumentException("body", $"body.header.url must be a public http(s) URL; got '{url}'.");
        }
    }

    private static void CheckFooter(JsonElement footer)
    {
        if (footer.ValueKind != JsonValueKind.Object || StringMember(footer, "text") is not { } text)
        {
            throw new ToolArgumentException("body", "body.footer must be an object {\"text\": \"...\"}.");
        }

        if (text.Length > MaxFooterLength)
        {
            throw new ToolArgumentException("body", $"The footer has {text.Length} characters; the limit is {MaxFooterLength}.");
        }

        if (Variable().IsMatch(text))
        {
            throw new ToolArgumentException("body", "The footer is static text; it cannot hold variables.");
        }
    }

    private static void CheckButtons(JsonElement buttons, List<string> variables)
    {
        if (buttons.ValueKind != JsonValueKind.Array)
        {
            throw new ToolArgumentException("body", "body.buttons must be an array of buttons.");
        }

        if (buttons.GetArrayLength() > MaxButtons)
        {
            throw new ToolArgumentException("body", $"A template has at most {MaxButtons} buttons; got {buttons.GetArrayLength()}.");
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var button in buttons.EnumerateArray())
        {
            var at = $"body.buttons[{index++}]";
            var type = button.ValueKind == JsonValueKind.Object ? StringMember(button, "type")?.Trim().ToUpperInvariant() : null;
            if (type is null || !ButtonCaps.TryGetValue(type, out var cap))
            {
                throw new ToolArgumentException("body", $"{at} needs a type: QUICK_REPLY, URL, PHONE_NUMBER or COPY_CODE.");
            }

            counts[type] = counts.GetValueOrDefault(type) + 1;
            if (counts[type] > cap)
            {
                throw new ToolArgumentException("body", $"A template has at most {cap} {type} button{(cap == 1 ? "" : "s")}.");
            }

            if (type != "COPY_CODE" && string.IsNullOrWhiteSpace(StringMember(button, "text")))
            {
                throw new ToolArgumentException("body", $"{at} ({type}) needs its label in 'text'.");
            }

            switch (type)
            {
                case "URL":
                    variables.AddRange(CheckButtonUrl(StringMember(button, "url"), at));
                    break;
                case "PHONE_NUMBER":
                    if (StringMember(button, "phone_number")?.Trim() is not { } phone || !Arguments.IsE164(phone))
                    {
                        throw new ToolArgumentException("body", $"{at} needs phone_number in E.164, such as +5511999998888.");
                    }

                    break;
                case "COPY_CODE":
                    if (!HasCodeExample(button))
                    {
                        throw new ToolArgumentException("body", $"{at} (COPY_CODE) needs the code to copy in 'example', e.g. [\"PROMO10\"].");
                    }

                    break;
            }
        }
    }

    private static IReadOnlyList<string> CheckButtonUrl(string? url, string at)
    {
        var value = url?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new ToolArgumentException("body", $"{at} (URL) needs 'url'.");
        }

        var found = Variable().Matches(value);
        if (found.Count > 1 || (found.Count == 1 && found[0].Index + found[0].Length != value.Length))
        {
            throw new ToolArgumentException("body", $"{at}: a dynamic URL may hold one variable, at its very end (e.g. https://shop.example/promo/{{{{code}}}}).");
        }

        var fixedPart = found.Count == 0 ? value : value[..found[0].Index];
        if (!Arguments.IsHttpUrl(fixedPart))
        {
            throw new ToolArgumentException("body", $"{at}: '{value}' is not an http(s) URL.");
        }

        return found.Select(m => m.Groups[1].Value).ToArray();
    }

    private static bool HasCodeExample(JsonElement button) => Member(button, "example") switch
    {
        { ValueKind: JsonValueKind.String } single => !string.IsNullOrWhiteSpace(single.GetString()),
        { ValueKind: JsonValueKind.Array } many => many.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())),
        _ => false,
    };

    private static JsonElement? Member(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static string? StringMember(JsonElement obj, string name) =>
        Member(obj, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^(?=.*[A-Za-z0-9])[A-Za-z0-9 _.\-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z]{2,3}(_[A-Za-z]{2,4})?$")]
    private static partial Regex LanguagePattern();
}
