using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.E2E.Tests.Infrastructure;
using Serverless.Gateway.Tests.ToolTable;

namespace Serverless.E2E.Tests;

/// <summary>
/// The gateway pointed (<c>ChiliPiper__BaseUrl</c>) at Prism serving the vendor's published OpenAPI documents:
/// every tool a document covers must send a request the document accepts. The arguments are the valid rows of
/// the table-driven sandbox test, so the two tests exercise the same calls.
/// </summary>
public sealed partial class OpenApiMockTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "E2E.Tests", "openapi", "chili-piper");

    /// <summary>
    /// Calls no request could pass because the published schema itself is wrong, keyed by tool or by one row
    /// ("tool [label]"), with the reason. They are not sent; every other row of the tool still is.
    /// </summary>
    private static readonly Dictionary<string, string> KnownWrongSchemas = new(StringComparer.Ordinal)
    {
        ["user-update-licenses"] = "the document types each user's licence set as AvailabilityFailure (a name collision in the vendor's spec generator); the live API takes the licence flag object",
        ["rule-create"] = "DataObject is a oneOf of plain-string schemas (NormalDataObject, RelatedDataObject) that every object name matches at once, so no condition can match exactly one",
        ["availability-slots [valid]"] = "the ManuallyAssigned and AdditionalAttendee attendee schemas are identical and their discriminator maps to class names, so such an attendee matches two oneOf branches",
    };

    public static TheoryData<string> Documents => [.. Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Tools_send_requests_the_vendor_document_accepts(string document)
    {
        var path = Path.Combine(Folder, document);
        var operations = OperationTools().Matches(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        await using var prism = await PrismMock.StartAsync(path);
        await using var server = await ServerProcess.StartAsync(["serve"], new Dictionary<string, string?>
        {
            ["ChiliPiper__BaseUrl"] = prism.BaseUrl.ToString().TrimEnd('/'),
            ["ChiliPiper__ApiKey"] = "prism-token",
            ["ChiliPiper__MaxReadRetries"] = "0",
            // Prism builds some example answers slowly; on a busy machine one took longer than the default 30 s.
            ["ChiliPiper__TimeoutSeconds"] = "90",
            ["Sandbox__Enabled"] = "false",
        });
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
        }), cancellationToken: TestContext.Current.CancellationToken);

        var served = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var covered = operations.Where(served.Contains).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(covered);

        var failures = new List<string>();
        var calls = 0;
        foreach (var tool in covered)
        {
            if (KnownWrongSchemas.TryGetValue(tool, out var reason))
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"{tool}: not checked, {reason}");
                continue;
            }

            var rows = ToolCases.All.Where(r => r.Tool == tool && r.ExpectedError is null && r.Before is null && !r.Arguments.Contains("{prev:", StringComparison.Ordinal)).ToArray();
            if (rows.Length == 0)
            {
                failures.Add($"{tool}: no self-contained valid row in ToolCases to call it with");
                continue;
            }

            foreach (var row in rows)
            {
                if (KnownWrongSchemas.TryGetValue(row.ToString(), out var rowReason))
                {
                    TestContext.Current.TestOutputHelper?.WriteLine($"{row}: not checked, {rowReason}");
                    continue;
                }

                var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(row.Arguments)!.ToDictionary(p => p.Key, p => (object?)p.Value);
                var result = await client.CallToolAsync(tool, arguments, cancellationToken: TestContext.Current.CancellationToken);
                calls++;
                if (result.IsError is true && IsValidationRefusal(result))
                {
                    failures.Add($"{row}: {Text(result)}");
                }
            }
        }

        // Prism logs each request violation before it answers; give the log pipe a moment to catch up.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        failures.AddRange(prism.Output.Split('\n').Where(line => line.Contains("Violation: request", StringComparison.Ordinal)));

        TestContext.Current.TestOutputHelper?.WriteLine($"{document}: {calls} calls over {covered.Length} tools ({string.Join(", ", covered)})");
        Assert.True(failures.Count == 0, $"{document} rejected:\n{string.Join('\n', failures)}\n--- prism ---\n{prism.Output}");
    }

    /// <summary>
    /// Prism answers a request the document rejects with 422 (or 401 without credentials). Other errors are the
    /// document's own examples: 200 bodies with <c>type: Failure</c>, or a 404 example; those prove the request passed.
    /// </summary>
    private static bool IsValidationRefusal(CallToolResult result)
    {
        if (result.StructuredContent?.TryGetProperty("error", out var error) != true)
        {
            return true;
        }

        var status = error.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
        return status is 0 or 400 or 401 or 405 or 415 or 422;
    }

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    [GeneratedRegex(@"\[operation: ([a-z0-9-]+)\]")]
    private static partial Regex OperationTools();
}
