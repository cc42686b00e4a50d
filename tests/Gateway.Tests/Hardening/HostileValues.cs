using System.Text.Encodings.Web;
using System.Text.Json;

namespace Serverless.Gateway.Tests.Hardening;

/// <summary>
/// Seeded generator of hostile JSON values (as raw JSON text, so lone surrogates and extreme numbers survive)
/// shaped loosely by a tool's input schema.
/// </summary>
public sealed class HostileValues(int seed)
{
    private static readonly string[] Strings =
    [
        "\".\"", "\"..\"", "\"\"", "\" \"", "\"/\"", "\"../..\"", "\"a/../../b\"", "\"%2e%2e\"", "\"%2F\"", "\"..%2F..\"",
        "\"?x=1&y=2\"", "\"#frag\"", "\"a b\"", "\"\\u0000\"", "\"\\r\\nX-Injected: 1\"", "\"\\u00e9t\\u00e9\"", "\"🙂\"", "\"\\ud800\"",
        "\"abc123\"", "\"+5511999998888\"", "\"2026-01-01T00:00:00Z\"", "\"https://example.com/x\"", "\"ps_not_a_key\"",
        Quote(new string('a', 600)), Quote(new string('9', 5000)), Quote(string.Concat(Enumerable.Repeat("../", 50))),
    ];

    private static readonly string[] Integers =
    [
        "0", "-1", "1", "2147483647", "2147483648", "9223372036854775807", "-9223372036854775808", "1e308", "1.5", "\"1\"", "true",
    ];

    private static readonly string[] Numbers = ["0", "-1", "1e308", "-1e308", "1e-308", "1.23456789012345678901234567890", "\"x\""];

    private static readonly string[] Booleans = ["true", "false", "\"true\"", "0"];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>An arguments object: each declared property present or not, each value hostile for its type, sometimes an undeclared one.</summary>
    public string Arguments(JsonElement schema)
    {
        var members = new List<string>();
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (_random.NextDouble() < 0.75)
                {
                    members.Add($"{Quote(property.Name)}:{Value(property.Value, 0)}");
                }
            }
        }

        if (_random.NextDouble() < 0.2)
        {
            members.Add($"\"undeclared\":{Pick(Strings)}");
        }

        return "{" + string.Join(',', members) + "}";
    }

    private string Value(JsonElement schema, int depth)
    {
        if (_random.NextDouble() < 0.1)
        {
            return Any(depth);
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && _random.NextDouble() < 0.5)
        {
            var all = values.EnumerateArray().ToArray();
            return all.Length == 0 ? "null" : all[_random.Next(all.Length)].GetRawText();
        }

        return TypeOf(schema) switch
        {
            "string" => Pick(Strings),
            "integer" => Pick(Integers),
            "number" => Pick(Numbers),
            "boolean" => Pick(Booleans),
            "array" => Array(schema, depth),
            "object" => Object(schema, depth),
            _ => Any(depth),
        };
    }

    private string Array(JsonElement schema, int depth)
    {
        if (depth > 3 || _random.NextDouble() < 0.1)
        {
            return _random.NextDouble() < 0.5 ? "[]" : Deep(40);
        }

        var items = schema.TryGetProperty("items", out var i) ? i : default;
        var count = _random.Next(0, 4);
        return "[" + string.Join(',', Enumerable.Range(0, count).Select(_ => items.ValueKind == JsonValueKind.Object ? Value(items, depth + 1) : Pick(Strings))) + "]";
    }

    private string Object(JsonElement schema, int depth)
    {
        if (depth > 3 || _random.NextDouble() < 0.15)
        {
            return _random.NextDouble() < 0.5 ? "{}" : Deep(40);
        }

        return schema.TryGetProperty("properties", out _) ? Arguments(schema) : $"{{\"k\":{Pick(Strings)}}}";
    }

    private string Any(int depth) => _random.Next(6) switch
    {
        0 => Pick(Strings),
        1 => Pick(Integers),
        2 => "null",
        3 => depth > 2 ? "[]" : "[" + Pick(Strings) + "]",
        4 => Deep(40),
        _ => Pick(Numbers),
    };

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static string Deep(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static string? TypeOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? null
        : type.ValueKind == JsonValueKind.String ? type.GetString()
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
        : null;

    private static string Quote(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
