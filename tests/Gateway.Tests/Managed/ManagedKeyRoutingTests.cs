using System.Text.Json;
using System.Text.RegularExpressions;
using Serverless.Gateway.Tests.ToolTable;
using Serverless.Sandbox;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>
/// Every valid row of the tool table again, in managed mode: the caller sends only its gateway client key (and the
/// number it means), and the gateway picks the upstream key each tool needs. The assertions are on the credential
/// headers the upstream actually received.
/// </summary>
public sealed partial class ManagedKeyRoutingTests
{
    private static readonly ToolCatalog Catalog = ToolCatalog.CreateDefault();

    public static TheoryData<ToolCase> Cases =>
        [.. ToolCases.All.Where(c => c.ExpectedError is null && c.Key != CaseKey.ChiliPiperReadOnly)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_tool_goes_out_with_the_key_its_scope_needs(ToolCase row)
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings());
        var number = row.Key switch
        {
            CaseKey.MetaNumber => SandboxSeedIds.Number1,
            CaseKey.EvolutionNumber => SandboxSeedIds.Number2,
            _ => null,
        };
        await using var client = await host.ConnectAsClientAsync(ManagedHost.AllKey, number);
        var ct = TestContext.Current.CancellationToken;

        JsonElement? previous = null;
        foreach (var step in row.Before ?? [])
        {
            var before = await client.CallToolAsync(step.Tool, Parse(Fill(step.Arguments, previous)), cancellationToken: ct);
            Assert.True(before.IsError is not true, $"setup step {step.Tool} failed: {ManagedHost.Text(before)}");
            previous = before.StructuredContent;
        }

        recorder.Clear();
        var arguments = Fill(row.Arguments, previous);
        var result = await client.CallToolAsync(row.Tool, Parse(arguments), cancellationToken: ct);
        var text = ManagedHost.Text(result) + (result.StructuredContent?.GetRawText() ?? "");
        ManagedHost.AssertNoVendorKey(text, $"the result of {row}");
        ManagedHost.AssertNoVendorKey(string.Join("\n", host.Logs.Lines), "the gateway's logs");

        if (row.Tool == "api_keys_list" && arguments.Contains("\"reveal\":true", StringComparison.Ordinal))
        {
            Assert.Equal("REVEAL_NOT_ALLOWED", ManagedHost.ErrorCode(result));
            Assert.Empty(recorder.Requests);
            return;
        }

        Assert.True(result.IsError is not true, $"{row}: {ManagedHost.Text(result)}");
        Assert.True(Catalog.TryGet(row.Tool, out var tool));
        var calls = recorder.Requests.Where(r => !IsKeyDiscovery(r, row.Tool)).ToArray();
        Assert.NotEmpty(calls);
        // A number the call's own arguments name wins over the header's.
        var named = tool.NumberArgument is { } argument && JsonDocument.Parse(arguments).RootElement.TryGetProperty(argument, out var value)
            ? value.GetString()
            : number;
        foreach (var call in calls)
        {
            var (apiKey, numberHeader, authorization) = Expected(tool, named);
            Assert.True(apiKey == call.ApiKey && numberHeader == call.NumberHeader && authorization == call.Authorization,
                $"{row}: {call.Method} {call.Path} went out with {Describe(call.ApiKey, call.NumberHeader, call.Authorization)}, " +
                $"expected {Describe(apiKey, numberHeader, authorization)}");
        }

        if (row.Tool == "api_keys_regenerate_number")
        {
            Assert.StartsWith("ps_…", result.StructuredContent!.Value.GetProperty("key").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>The credential headers a tool's upstream request must carry, from the tool's declared scope alone.</summary>
    private static (string? ApiKey, string? NumberHeader, string? Authorization) Expected(ToolEntry tool, string? number) =>
        (tool.Upstream, tool.KeyScope) switch
        {
            (Upstream.ChiliPiper, _) => (null, null, "Bearer " + SandboxCredentials.ChiliPiperAdminToken),
            (_, KeyScope.Tenant) => (SandboxCredentials.PilotStatusTenantKey, null, null),
            (_, KeyScope.Number) => (number == SandboxSeedIds.Number2 ? SandboxCredentials.PilotStatusNumberKey2 : SandboxCredentials.PilotStatusNumberKey1, null, null),
            _ => (SandboxCredentials.PilotStatusTenantKey, number, null),
        };

    // The gateway lists the numbers' keys with the tenant key to find a number key; that request is not the tool's.
    private static bool IsKeyDiscovery(RecordedRequest request, string tool) =>
        tool != "api_keys_list" && request.Method == "GET" && request.Path.EndsWith("/v1/api-keys", StringComparison.Ordinal);

    private static string Describe(string? apiKey, string? number, string? authorization) =>
        $"x-api-key={Name(apiKey)}, x-whatsapp-number-id={number ?? "none"}, Authorization={Name(authorization?.Replace("Bearer ", "", StringComparison.Ordinal))}";

    // Test output names the sandbox key rather than printing it.
    private static string Name(string? key) => key switch
    {
        null => "none",
        SandboxCredentials.PilotStatusTenantKey => "tenant key",
        SandboxCredentials.PilotStatusNumberKey1 => "number 1 key",
        SandboxCredentials.PilotStatusNumberKey2 => "number 2 key",
        SandboxCredentials.ChiliPiperAdminToken => "Chili Piper admin token",
        _ => "another key",
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

    [GeneratedRegex(@"\{prev:([A-Za-z0-9_.\-]+)\}")]
    private static partial Regex Placeholder();
}
