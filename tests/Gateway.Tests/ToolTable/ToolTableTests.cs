using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;

namespace Serverless.Gateway.Tests.ToolTable;

/// <summary>
/// Every row of <see cref="ToolCases"/> through the C# SDK client, the gateway and the sandbox twin, each on a fresh
/// sandbox so rows cannot depend on one another.
/// </summary>
public sealed partial class ToolTableTests
{
    public static TheoryData<ToolCase> Cases => [.. ToolCases.All];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_case_returns_what_the_table_says(ToolCase row)
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Headers(row.Key));

        JsonElement? previous = null;
        foreach (var step in row.Before ?? [])
        {
            var before = await client.CallToolAsync(step.Tool, Parse(Fill(step.Arguments, previous)), cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(before.IsError is not true, $"setup step {step.Tool} failed: {Text(before)}");
            previous = before.StructuredContent;
        }

        var result = await client.CallToolAsync(row.Tool, Parse(Fill(row.Arguments, previous)), cancellationToken: TestContext.Current.CancellationToken);

        if (row.ExpectedError is null)
        {
            Assert.True(result.IsError is not true, $"{row}: {Text(result)}");
            Assert.NotNull(result.StructuredContent);
        }
        else
        {
            Assert.True(result.IsError, $"{row} should fail with {row.ExpectedError} but returned: {Text(result)}");
            var error = result.StructuredContent!.Value.GetProperty("error");
            Assert.Equal(row.ExpectedError, error.GetProperty("code").GetString());
        }
    }

    [Fact]
    public void Every_tool_of_the_catalog_has_a_valid_row()
    {
        var covered = ToolCases.All.Where(c => c.ExpectedError is null).Select(c => c.Tool).ToHashSet(StringComparer.Ordinal);
        var missing = Serverless.Tools.Catalog.ToolCatalog.CreateDefault().Entries.Select(e => e.Name).Where(n => !covered.Contains(n)).ToArray();

        Assert.True(missing.Length == 0, "tools without a valid row: " + string.Join(", ", missing));
    }

    internal static Dictionary<string, string> Headers(CaseKey key) => key switch
    {
        CaseKey.MetaNumber => Credentials.Both,
        CaseKey.EvolutionNumber => Credentials.Both.With("x-api-key", SandboxCredentials.PilotStatusNumberKey2),
        CaseKey.Tenant => Credentials.Both.With("x-api-key", SandboxCredentials.PilotStatusTenantKey),
        CaseKey.ChiliPiperReadOnly => new() { ["Authorization"] = "Bearer " + SandboxCredentials.ChiliPiperReadOnlyToken },
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    private static string Fill(string arguments, JsonElement? previous) => Placeholder().Replace(arguments, match =>
    {
        Assert.True(previous.HasValue, $"'{match.Value}' needs a Before step with a structured result.");
        var node = previous!.Value;
        foreach (var part in match.Groups[1].Value.Split('.'))
        {
            node = node.ValueKind == JsonValueKind.Array ? node[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)] : node.GetProperty(part);
        }

        var text = node.ValueKind == JsonValueKind.String ? node.GetString()! : node.GetRawText();
        return JsonEncodedText.Encode(text).ToString();
    });

    private static Dictionary<string, object?> Parse(string json)
        => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value);

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    [GeneratedRegex(@"\{prev:([A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();
}
