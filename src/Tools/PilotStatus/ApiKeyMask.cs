namespace Serverless.Tools.PilotStatus;

/// <summary>
/// Hides the usable key values in an api-keys answer. Every member that can hold a raw key is replaced wherever it
/// sits, so a change in the vendor's envelope cannot let a secret through.
/// </summary>
internal static class ApiKeyMask
{
    private const string Prefix = "ps_…";

    private static readonly HashSet<string> SecretMembers = new(StringComparer.OrdinalIgnoreCase) { "key", "apiKey", "rawKey", "secret" };

    /// <summary>A masked copy of <paramref name="body"/>; the original is left untouched.</summary>
    public static JsonNode? Mask(JsonNode? body)
    {
        var copy = body?.DeepClone();
        Walk(copy);
        return copy;
    }

    /// <summary>The masked form of one key: the prefix and the last four characters the vendor already shows.</summary>
    public static string Masked(string raw, string? last4)
    {
        var tail = last4 is { Length: > 0 and <= 4 } ? last4 : raw.Length > 8 ? raw[^4..] : "";
        return Prefix + tail;
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item);
                }

                break;
            case JsonObject obj:
                var last4 = obj["keyLast4"] is JsonValue v && v.TryGetValue<string>(out var l) ? l : null;
                foreach (var name in obj.Select(p => p.Key).ToArray())
                {
                    if (SecretMembers.Contains(name) && obj[name] is JsonValue value && value.TryGetValue<string>(out var raw))
                    {
                        obj[name] = Masked(raw, last4);
                    }
                    else
                    {
                        Walk(obj[name]);
                    }
                }

                break;
        }
    }
}
