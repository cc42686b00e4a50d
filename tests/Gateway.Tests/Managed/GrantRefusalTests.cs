using System.Text.Json;
using ModelContextProtocol;
using Serverless.Gateway.Callers;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>
/// Every tool of the catalog against clients whose grant excludes it, for each reason a grant can give: the tool is
/// not listed, a call to it fails, and no request reaches an upstream. The tools the grant allows must still be
/// listed, so a filter that hid everything would fail too.
/// </summary>
public sealed class GrantRefusalTests
{
    private static readonly ToolCatalog Catalog = ToolCatalog.CreateDefault();

    /// <summary>A client's settings and, from the catalog's own metadata, which tools its grant excludes.</summary>
    public sealed record Reason(string Name, Dictionary<string, string?> Client, Func<ToolEntry, bool> Excluded)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<string> Reasons => [.. AllReasons.Select(r => r.Name)];

    private static readonly Reason[] AllReasons =
    [
        new("no Chili Piper access", new() { ["Numbers"] = "*", ["ChiliPiper"] = "none" }, t => t.Upstream == Upstream.ChiliPiper),
        new("read-only Chili Piper access", new() { ["Numbers"] = "*", ["ChiliPiper"] = "read" }, t => t.Upstream == Upstream.ChiliPiper && !t.ReadOnly),
        new("read-only grant", new() { ["Numbers"] = "*", ["ChiliPiper"] = "full", ["ReadOnly"] = "true" }, t => !t.ReadOnly),
        new("toolset messaging only", new() { ["Numbers"] = "*", ["ChiliPiper"] = "full", ["Toolsets"] = "messaging" }, t => t.Toolset != "messaging"),
        new("toolsets crm and account", new() { ["Numbers"] = "*", ["ChiliPiper"] = "full", ["Toolsets"] = "crm,account" }, t => t.Toolset is not ("crm" or "account")),
        new("some numbers only: tenant tools", new() { ["Numbers"] = SandboxSeedIds.Number2, ["ChiliPiper"] = "full" }, t => t.KeyScope == KeyScope.Tenant),
    ];

    [Fact]
    public void The_reasons_together_exclude_every_tool_of_the_catalog()
    {
        var excluded = Catalog.Entries.Where(t => AllReasons.Any(r => r.Excluded(t))).Select(t => t.Name).ToHashSet();

        Assert.Equal(108, Catalog.Entries.Count);
        Assert.Equal(Catalog.Entries.Count, excluded.Count);
    }

    [Theory]
    [MemberData(nameof(Reasons))]
    public async Task A_tool_outside_the_grant_is_neither_listed_nor_callable_and_reaches_no_upstream(string reasonName)
    {
        var reason = AllReasons.Single(r => r.Name == reasonName);
        const string key = "mcpgw_test_grant_reason_client";
        var settings = ManagedHost.Settings();
        settings["Clients:narrow:KeySha256"] = ClientKeys.Sha256Hex(key);
        foreach (var (name, value) in reason.Client)
        {
            settings[$"Clients:narrow:{name}"] = value;
        }

        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, settings);
        await using var client = await host.ConnectAsClientAsync(key, SandboxSeedIds.Number2);
        var ct = TestContext.Current.CancellationToken;

        var listed = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToHashSet();
        var expectedListed = Catalog.Entries.Where(t => !reason.Excluded(t)).Select(t => t.Name).ToHashSet();
        Assert.Equal(expectedListed.Order(), listed.Order());

        var excluded = Catalog.Entries.Where(reason.Excluded).ToArray();
        Assert.NotEmpty(excluded);
        foreach (var tool in excluded)
        {
            var refused = await CallRefusedAsync(client, tool.Name, new Dictionary<string, object?>(), ct);
            Assert.True(refused, $"{tool.Name} was callable by a client with {reason}");
            Assert.Empty(recorder.Requests);
        }

        ManagedHost.AssertNoVendorKey(string.Join("\n", host.Logs.Lines), "the gateway's logs");
    }

    [Fact]
    public async Task A_number_outside_the_grant_is_refused_for_every_number_tool_before_any_upstream_call()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, ManagedHost.Settings());
        var ct = TestContext.Current.CancellationToken;
        var numberTools = Catalog.Entries.Where(t => t.Upstream == Upstream.PilotStatus && t.KeyScope != KeyScope.Tenant).ToArray();
        Assert.Equal(47, numberTools.Length);

        // Named by the header.
        await using (var client = await host.ConnectAsClientAsync(ManagedHost.Number2Key, SandboxSeedIds.Number1))
        {
            var listed = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToHashSet();
            foreach (var tool in numberTools)
            {
                Assert.Contains(tool.Name, listed);
                var result = await client.CallToolAsync(tool.Name, new Dictionary<string, object?>(), cancellationToken: ct);
                AssertGrantRefusal(result, tool.Name, SandboxSeedIds.Number1);
            }
        }

        // Named by the tool's own argument, while the header names a granted number.
        await using (var client = await host.ConnectAsClientAsync(ManagedHost.Number2Key, SandboxSeedIds.Number2))
        {
            var withArgument = numberTools.Where(t => t.NumberArgument is not null).ToArray();
            Assert.NotEmpty(withArgument);
            foreach (var tool in withArgument)
            {
                var result = await client.CallToolAsync(tool.Name, new Dictionary<string, object?> { [tool.NumberArgument!] = SandboxSeedIds.Number1 }, cancellationToken: ct);
                AssertGrantRefusal(result, tool.Name, SandboxSeedIds.Number1);
            }
        }

        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_client_with_several_numbers_must_say_which_one_a_number_tool_acts_on()
    {
        const string key = "mcpgw_test_two_numbers_client";
        var settings = ManagedHost.Settings();
        settings["Clients:both:KeySha256"] = ClientKeys.Sha256Hex(key);
        settings["Clients:both:Numbers"] = $"{SandboxSeedIds.Number1},{SandboxSeedIds.Number2}";
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, settings);
        var ct = TestContext.Current.CancellationToken;

        await using var client = await host.ConnectAsClientAsync(key);
        var result = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: ct);

        Assert.Equal("NUMBER_REQUIRED", ManagedHost.ErrorCode(result));
        Assert.Contains("x-whatsapp-number-id", ManagedHost.Text(result), StringComparison.Ordinal);
        Assert.Contains(SandboxSeedIds.Number1, ManagedHost.Text(result), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);

        // The only granted number is implied: the same call from client "two" works without naming it.
        await using var two = await host.ConnectAsClientAsync(ManagedHost.Number2Key);
        var implied = await two.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: ct);
        Assert.True(implied.IsError is not true, ManagedHost.Text(implied));
        Assert.Contains(recorder.Requests, r => r.Path.EndsWith("/v1/conversations", StringComparison.Ordinal));
    }

    private static void AssertGrantRefusal(ModelContextProtocol.Protocol.CallToolResult result, string tool, string number)
    {
        Assert.True(ManagedHost.ErrorCode(result) == "GRANT_REFUSED", $"{tool}: {ManagedHost.Text(result)}");
        var text = ManagedHost.Text(result);
        Assert.Contains("client 'two'", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
    }

    private static async Task<bool> CallRefusedAsync(ModelContextProtocol.Client.McpClient client, string tool, Dictionary<string, object?> arguments, CancellationToken ct)
    {
        try
        {
            var result = await client.CallToolAsync(tool, arguments, cancellationToken: ct);
            return result.IsError == true;
        }
        catch (McpException)
        {
            return true;
        }
    }
}
