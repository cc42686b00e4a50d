namespace Serverless.Sandbox.Infrastructure;

/// <summary>
/// Typed reads of optional JSON object members. Each returns false only when the member is present with the wrong
/// type, so callers can tell "absent" (null value) from "malformed" and answer with the vendor's own 400 wording.
/// An explicit JSON null counts as absent.
/// </summary>
internal static class JsonFields
{
    public static bool TryGetString(JsonElement obj, string name, out string? value)
    {
        value = null;
        if (!obj.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = element.GetString();
        return true;
    }

    public static bool TryGetBoolean(JsonElement obj, string name, out bool? value)
    {
        value = null;
        if (!obj.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return false;
        }

        value = element.GetBoolean();
        return true;
    }

    public static bool TryGetStringArray(JsonElement obj, string name, out IReadOnlyList<string>? value)
    {
        value = null;
        if (!obj.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        return TryReadStringArray(element, out value);
    }

    public static bool TryReadStringArray(JsonElement element, out IReadOnlyList<string>? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var items = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            items.Add(item.GetString()!);
        }

        value = items;
        return true;
    }

    /// <summary>Reads a scalar as text the way template engines do: numbers and booleans become their JSON text.</summary>
    public static bool TryGetScalarText(JsonElement element, out string? value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                value = element.GetString();
                return true;
            case JsonValueKind.Number:
                value = element.GetRawText();
                return true;
            case JsonValueKind.True:
            case JsonValueKind.False:
                value = element.GetBoolean() ? "true" : "false";
                return true;
            case JsonValueKind.Null:
                value = null;
                return true;
            default:
                value = null;
                return false;
        }
    }
}
