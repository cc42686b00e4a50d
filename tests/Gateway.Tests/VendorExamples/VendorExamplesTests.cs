using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests.VendorExamples;

/// <summary>
/// The vendors' own documented tool examples, copied into vendor-examples.json with their source, run as written
/// against the sandbox through the gateway: each must succeed, so a prompt or doc snippet that works on the vendor's
/// server works here too (the sandbox seeds the templates they name).
/// </summary>
public sealed class VendorExamplesTests
{
    private static string ExamplesPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "vendor-examples.json");

    private static JsonArray Examples() => JsonNode.Parse(File.ReadAllText(ExamplesPath()))!.AsArray();

    public static TheoryData<int, string> Cases =>
        [.. Examples().Select((e, i) => (i, $"{e!["tool"]}: {e["source"]}"))];

    [Fact]
    public void The_documented_template_sends_are_among_the_examples()
    {
        var templates = Examples()
            .Where(e => e!["tool"]!.GetValue<string>() == "messages_send")
            .Select(e => e!["arguments"]!["templateId"]?.GetValue<string>())
            .OfType<string>();

        Assert.Equal(["boas_vindas", "onboarding-test"], templates.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_documented_example_succeeds_against_the_sandbox(int index, string example)
    {
        var entry = Examples()[index]!;
        var tool = entry["tool"]!.GetValue<string>();
        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry["arguments"]!.ToJsonString())!
            .ToDictionary(p => p.Key, p => (object?)p.Value);
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var result = await client.CallToolAsync(tool, arguments, cancellationToken: TestContext.Current.CancellationToken);

        var text = string.Join("\n", result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text));
        Assert.True(result.IsError != true, $"{example} failed: {text}");
        if (tool == "messages_send")
        {
            Assert.Equal("QUEUED", result.StructuredContent!.Value.GetProperty("status").GetString());
        }
    }
}
