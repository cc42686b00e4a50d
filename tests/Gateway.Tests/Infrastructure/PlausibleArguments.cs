using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.Gateway.Tests.Infrastructure;

/// <summary>
/// Arguments of a tool's input schema: a value of the schema's type for every required property (the first enum
/// value, a date-time where the format asks for one), enough to get past most tools' argument checks.
/// </summary>
public static class PlausibleArguments
{
    public static JsonObject For(JsonElement schema)
    {
        var members = new JsonObject();
        if (schema.TryGetProperty("required", out var required) && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                members[name] = properties.TryGetProperty(name, out var property) ? Value(property) : "abc123";
            }
        }

        return members;
    }

    private static JsonNode? Value(JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        var type = schema.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t[0].GetString() : t.GetString()) : "string";
        return type switch
        {
            "integer" or "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(schema.TryGetProperty("items", out var items) ? Value(items) : "abc123"),
            "object" => For(schema),
            _ => schema.TryGetProperty("format", out var f) && f.GetString() == "date-time" ? "2026-01-05T10:00:00Z" : "abc123",
        };
    }
}
