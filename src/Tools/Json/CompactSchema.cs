using Microsoft.Extensions.AI;

namespace Serverless.Tools.Json;

/// <summary>
/// Tightens generated input schemas: an optional argument is simply left out, so "null" in a type list
/// and "default": null only add bytes, and some clients (Gemini among them) refuse type lists outright.
/// </summary>
public static class CompactSchema
{
    public static AIJsonSchemaCreateOptions Options { get; } = new()
    {
        TransformSchemaNode = static (context, node) => Tighten(context, node),
    };

    private static JsonNode Tighten(AIJsonSchemaCreateContext context, JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        // A JsonElement parameter is always a JSON object in this catalog (the handlers check it is); left
        // untyped it reads as "anything", and strict-schema clients reject or stringify it.
        if (IsJsonElement(context.TypeInfo?.Type) && !schema.ContainsKey("type"))
        {
            schema["type"] = "object";
        }

        if (context.TypeInfo?.Type == typeof(ObjectOrText) && !schema.ContainsKey("anyOf"))
        {
            schema.Remove("type");
            schema["anyOf"] = new JsonArray(new JsonObject { ["type"] = "object" }, new JsonObject { ["type"] = "string" });
        }

        // An array of JsonElement is generated with "any value" items, which no transform call visits.
        if (context.TypeInfo?.Type == typeof(JsonElement[]) && schema["items"] is JsonObject { Count: 0 } or JsonValue)
        {
            schema["items"] = new JsonObject { ["type"] = "object" };
        }

        if (schema["type"] is JsonArray types && types.Count == 2 && types.Any(t => t?.GetValue<string>() == "null"))
        {
            var single = types.First(t => t?.GetValue<string>() != "null")!.GetValue<string>();
            schema["type"] = single;
        }

        if (schema.TryGetPropertyValue("default", out var value) && value is null)
        {
            schema.Remove("default");
        }

        if (schema["enum"] is JsonArray values && values.Any(v => v is null))
        {
            schema["enum"] = new JsonArray([.. values.Where(v => v is not null).Select(v => v!.DeepClone())]);
        }

        return schema;
    }

    private static bool IsJsonElement(Type? type) =>
        type == typeof(JsonElement) || type == typeof(JsonElement?);
}
