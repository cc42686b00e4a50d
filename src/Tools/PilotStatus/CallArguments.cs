namespace Serverless.Tools.PilotStatus;

/// <summary>Checks shared by the voice-call tools.</summary>
public static class CallArguments
{
    /// <summary>The calling settings the API lets callers change; SIP is managed by the vendor alone.</summary>
    public static readonly IReadOnlyList<string> SettingsFields = ["status", "call_icon_visibility", "callback_permission_status", "call_hours", "voicemail"];

    private static readonly HashSet<string> ObjectFields = new(StringComparer.Ordinal) { "call_hours", "voicemail" };

    public static string Phone(string? value, string parameter)
    {
        var phone = Arguments.NotBlank(value, parameter);
        if (!Arguments.IsE164(phone))
        {
            throw new ToolArgumentException(parameter, $"'{phone}' is not an E.164 phone number such as +5511999998888.");
        }

        return phone;
    }

    /// <summary>An SDP blob as WebRTC produces it; anything else would only fail at Meta, later and less clearly.</summary>
    public static string? Sdp(string? value, string parameter, string kind)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!value.TrimStart().StartsWith("v=0", StringComparison.Ordinal))
        {
            throw new ToolArgumentException(parameter,
                $"'{parameter}' must be the SDP {kind} text from your WebRTC client (RFC 8866), starting with 'v=0'.");
        }

        return value;
    }

    public static JsonObject Settings(JsonElement settings)
    {
        if (settings.ValueKind != JsonValueKind.Object)
        {
            throw new ToolArgumentException("settings", "'settings' must be an object with the fields to change, e.g. {\"status\": \"ENABLED\"}.");
        }

        var body = JsonSerializer.SerializeToNode(settings, ToolJsonContext.Default.JsonElement)!.AsObject();
        if (body.Count == 0)
        {
            throw new ToolArgumentException("settings", $"Give at least one field to change: {string.Join(", ", SettingsFields)}.");
        }

        foreach (var (name, value) in body)
        {
            if (name == "sip")
            {
                throw new ToolArgumentException("settings", "SIP settings cannot be set through the API; leave 'sip' out.");
            }

            if (!SettingsFields.Contains(name))
            {
                throw new ToolArgumentException("settings", $"Unknown calling setting '{name}'; the API changes only {string.Join(", ", SettingsFields)}.");
            }

            if (ObjectFields.Contains(name) ? value is not JsonObject : value?.GetValueKind() != JsonValueKind.String)
            {
                throw new ToolArgumentException("settings", ObjectFields.Contains(name)
                    ? $"'{name}' must be an object (it replaces the stored one as a whole)."
                    : $"'{name}' must be a string such as \"ENABLED\".");
            }
        }

        return body;
    }
}
