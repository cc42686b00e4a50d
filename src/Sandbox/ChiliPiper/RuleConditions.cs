namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// Evaluates a rule's condition tree against lead values keyed by field name (the <c>dataReference.field</c> of a
/// condition, matched case-insensitively). Unknown node types or operators never match, so a malformed rule
/// routes nobody rather than everybody.
/// </summary>
public static class RuleConditions
{
    public static bool Matches(JsonNode? node, IReadOnlyDictionary<string, string> values)
    {
        if (node is not JsonObject condition)
        {
            return false;
        }

        var type = condition["type"]?.GetValue<string>();
        if (type == "ConditionGroup" || condition["conditions"] is JsonArray)
        {
            var children = (condition["conditions"] as JsonArray ?? []).ToArray();
            if (children.Length == 0)
            {
                return true;
            }

            var any = string.Equals(condition["operator"]?.GetValue<string>(), "or", StringComparison.OrdinalIgnoreCase);
            return any ? children.Any(c => Matches(c, values)) : children.All(c => Matches(c, values));
        }

        var field = condition["dataReference"]?["field"]?.GetValue<string>();
        var op = condition["operator"]?.GetValue<string>() ?? string.Empty;
        var actual = field is null ? null : Lookup(values, field);
        var expected = condition["value"] switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonValue v => v.ToJsonString(),
            JsonArray a => string.Join(",", a.Select(x => x?.ToString())),
            _ => null,
        };

        var anyOf = ExpectedValues(condition["value"]);
        return op.ToLowerInvariant() switch
        {
            // The rule builder's own operator names.
            "equal" => actual is not null && string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
            "notequal" => !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
            "isanyof" => actual is not null && anyOf.Contains(actual, StringComparer.OrdinalIgnoreCase),
            "isnotanyof" => actual is null || !anyOf.Contains(actual, StringComparer.OrdinalIgnoreCase),
            "doesnotcontain" => actual is null || expected is null || !actual.Contains(expected, StringComparison.OrdinalIgnoreCase),
            "containsanyof" => actual is not null && anyOf.Any(v => actual.Contains(v, StringComparison.OrdinalIgnoreCase)),
            "containsnoneof" => actual is null || !anyOf.Any(v => actual.Contains(v, StringComparison.OrdinalIgnoreCase)),
            "startswithanyof" => actual is not null && anyOf.Any(v => actual.StartsWith(v, StringComparison.OrdinalIgnoreCase)),
            "endswithanyof" => actual is not null && anyOf.Any(v => actual.EndsWith(v, StringComparison.OrdinalIgnoreCase)),
            ">" => Compare(actual, expected) is > 0,
            ">=" => Compare(actual, expected) is >= 0,
            "<" => Compare(actual, expected) is < 0,
            "<=" => Compare(actual, expected) is <= 0,

            "empty" => string.IsNullOrWhiteSpace(actual),
            "notempty" => !string.IsNullOrWhiteSpace(actual),
            "equals" or "eq" or "is" => actual is not null && string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
            "notequals" or "neq" or "isnot" => !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
            "contains" => actual is not null && expected is not null && actual.Contains(expected, StringComparison.OrdinalIgnoreCase),
            "notcontains" => actual is null || expected is null || !actual.Contains(expected, StringComparison.OrdinalIgnoreCase),
            "startswith" => actual is not null && expected is not null && actual.StartsWith(expected, StringComparison.OrdinalIgnoreCase),
            "endswith" => actual is not null && expected is not null && actual.EndsWith(expected, StringComparison.OrdinalIgnoreCase),
            "in" => actual is not null && expected is not null
                && expected.Split(',', StringSplitOptions.TrimEntries).Contains(actual, StringComparer.OrdinalIgnoreCase),
            "greaterthan" or "gt" => Compare(actual, expected) is > 0,
            "greaterthanorequal" or "gte" => Compare(actual, expected) is >= 0,
            "lessthan" or "lt" => Compare(actual, expected) is < 0,
            "lessthanorequal" or "lte" => Compare(actual, expected) is <= 0,
            _ => false,
        };
    }

    /// <summary>The candidates of an any-of operator: a JSON array, or one value (comma-separated text is split).</summary>
    private static string[] ExpectedValues(JsonNode? value) => value switch
    {
        JsonArray items => items.Select(item => item switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            null => null,
            _ => item.ToJsonString(),
        }).OfType<string>().ToArray(),
        JsonValue v when v.TryGetValue(out string? s) => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        JsonValue v => [v.ToJsonString()],
        _ => [],
    };

    private static string? Lookup(IReadOnlyDictionary<string, string> values, string field)
    {
        foreach (var (key, value) in values)
        {
            if (string.Equals(key, field, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static int? Compare(string? actual, string? expected)
        => decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
           && decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : null;
}
