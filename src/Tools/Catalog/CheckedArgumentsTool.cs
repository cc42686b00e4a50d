namespace Serverless.Tools.Catalog;

/// <summary>
/// Checks a call's arguments against the tool's own input schema (required members, JSON types, enum values)
/// before the SDK binds them. A value the binder cannot convert would otherwise surface only as the SDK's
/// generic "An error occurred invoking", which tells the model nothing about what to fix.
/// </summary>
internal sealed class CheckedArgumentsTool(McpServerTool inner) : DelegatingMcpServerTool(inner)
{
    private const int MaxListedValues = 12;

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var arguments = request.Params?.Arguments;
        var problem = FindProblem(ProtocolTool.InputSchema, arguments);
        return problem is { } found
            ? ValueTask.FromResult(ToolResults.Error(ToolError.FromArgument(new ToolArgumentException(found.Path, found.Message))))
            : base.InvokeAsync(request, cancellationToken);
    }

    internal static (string Path, string Message)? FindProblem(JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (arguments is null || !arguments.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    return (name, $"'{name}' is required.");
                }
            }
        }

        if (arguments is null || !schema.TryGetProperty("properties", out var properties))
        {
            return null;
        }

        foreach (var (name, value) in arguments)
        {
            if (properties.TryGetProperty(name, out var property) && Check(value, property, name) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static (string Path, string Message)? Check(JsonElement value, JsonElement schema, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && !HasType(value, type.GetString()!))
        {
            return (path, $"'{path}' must be {Article(type.GetString()!)}, not {Describe(value)}.");
        }

        if (value.ValueKind == JsonValueKind.Number && OutOfRange(value, schema) is { } range)
        {
            return (path, $"'{path}' is {value.GetRawText()}, {range}.");
        }

        if (schema.TryGetProperty("enum", out var allowed) && allowed.ValueKind == JsonValueKind.Array
            && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            var values = allowed.EnumerateArray().Select(a => a.ToString()).ToArray();
            var listed = string.Join(", ", values.Take(MaxListedValues)) + (values.Length > MaxListedValues ? ", …" : "");
            return (path, $"'{path}' is {value.GetRawText()}, which is not one of: {listed}.");
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (Check(item, items, $"{path}[{index++}]") is { } problem)
                {
                    return problem;
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            var members = value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
            if (FindProblem(schema, members) is { } nested)
            {
                return ($"{path}.{nested.Path}", nested.Message.Replace($"'{nested.Path}'", $"'{path}.{nested.Path}'", StringComparison.Ordinal));
            }
        }

        return null;
    }

    // Tool parameters bind to int and decimal; a value past their range would fail inside the binder, unnamed.
    private static string? OutOfRange(JsonElement value, JsonElement schema)
    {
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.String ? [type.GetString()]
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()).ToArray()
            : Array.Empty<string?>();
        return types.Contains("integer") && !value.TryGetInt32(out _) ? $"outside the whole numbers this tool takes ({int.MinValue} to {int.MaxValue})"
            : types.Contains("number") && !value.TryGetDecimal(out _) ? "too large or too precise for this tool"
            : null;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };

    private static string Article(string type) => type switch
    {
        "array" or "object" or "integer" => "an " + type,
        _ => "a " + type,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
