using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests;

/// <summary>
/// The committed tools/list snapshot: any change to a tool's name, description, schema or hints shows up
/// in review as a diff of Snapshots/tools-list.json. Run with UPDATE_SNAPSHOTS=1 to accept a change.
/// </summary>
public sealed class ToolsListSnapshotTests
{
    private static string SnapshotPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Snapshots", "tools-list.json");

    [Fact]
    public async Task Tools_list_matches_the_committed_snapshot()
    {
        await using var host = await GatewayHost.StartAsync();
        var (status, body, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r =>
        {
            foreach (var (name, value) in Credentials.Both)
            {
                r.Headers.TryAddWithoutValidation(name, value);
            }
        }));
        Assert.Equal(200, status);

        var data = RawMcp.MessageText(body);
        var tools = JsonNode.Parse(data)!["result"]!["tools"]!;
        TestContext.Current.TestOutputHelper?.WriteLine($"tools/list on /mcp: {Encoding.UTF8.GetByteCount(data)} bytes, {tools.AsArray().Count} tools");
        var actual = tools.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

        var path = SnapshotPath();
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.True(File.Exists(path), $"No snapshot at {path}; run the tests once with UPDATE_SNAPSHOTS=1 and commit it.");
        Assert.Equal(await File.ReadAllTextAsync(path), actual);
    }
}
