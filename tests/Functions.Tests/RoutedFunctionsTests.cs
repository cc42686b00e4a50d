using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Functions.Tests.Infrastructure;
using Serverless.Tools.Catalog;

namespace Serverless.Functions.Tests;

/// <summary>
/// The function classes behind Kestrel with their own trigger routes, driven by the official C# SDK client
/// against the sandbox twin.
/// </summary>
public sealed class RoutedFunctionsTests(RoutedFunctionsTests.Fixture fixture) : IClassFixture<RoutedFunctionsTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FunctionsHost Host { get; private set; } = null!;

        public ToolCatalog Catalog { get; } = ToolCatalog.CreateDefault();

        public async ValueTask InitializeAsync() => Host = await FunctionsHost.StartAsync();

        public async ValueTask DisposeAsync() => await Host.DisposeAsync();
    }

    public static TheoryData<string> Areas => [.. Toolsets.All.Keys];

    [Theory]
    [MemberData(nameof(Areas))]
    public async Task Each_area_function_lists_exactly_its_tools(string area)
    {
        await using var client = await fixture.Host.ConnectAsync($"/mcp/x/{area}", Raw.BothCredentials);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var expected = fixture.Catalog.Entries.Where(e => e.Toolset == area).Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public async Task Each_area_function_serves_its_readonly_route(string area)
    {
        await using var client = await fixture.Host.ConnectAsync($"/mcp/x/{area}/readonly", Raw.BothCredentials);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var expected = fixture.Catalog.Entries.Where(e => e.Toolset == area && e.ReadOnly).Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(expected, tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_mcp_function_lists_all_108_tools()
    {
        await using var client = await fixture.Host.ConnectAsync("/mcp", Raw.BothCredentials);
        var tools = await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(108, tools.Count);
        Assert.Equal(fixture.Catalog.Entries.Select(e => e.Name).Order(StringComparer.Ordinal), tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_mcp_function_serves_readonly_and_multi_area_routes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var readOnly = await fixture.Host.ConnectAsync("/mcp/readonly", Raw.BothCredentials);
        Assert.Equal(fixture.Catalog.Entries.Where(e => e.ReadOnly).Select(e => e.Name).Order(StringComparer.Ordinal),
            (await readOnly.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).Order(StringComparer.Ordinal));

        await using var pair = await fixture.Host.ConnectAsync("/mcp/x/templates,teams", Raw.BothCredentials);
        Assert.Equal(fixture.Catalog.Entries.Where(e => e.Toolset is "templates" or "teams").Select(e => e.Name).Order(StringComparer.Ordinal),
            (await pair.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).Order(StringComparer.Ordinal));

        await using var pairReadOnly = await fixture.Host.ConnectAsync("/mcp/x/templates,teams/readonly", Raw.BothCredentials);
        Assert.Equal(["team-list-put", "templates_get", "templates_list"],
            (await pairReadOnly.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_tool_call_goes_end_to_end_to_the_sandbox()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var client = await fixture.Host.ConnectAsync("/mcp/x/numbers", Raw.BothCredentials);
        var result = await client.CallToolAsync("numbers_list", cancellationToken: ct);
        Assert.True(result.IsError != true, result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text);
        Assert.Equal(JsonValueKind.Object, result.StructuredContent?.ValueKind);
        Assert.Contains("\"num_sandbox_1\"", result.StructuredContent!.Value.GetRawText(), StringComparison.Ordinal);

        // A tool of another area is not callable through this area's function.
        var outside = await client.CallToolAsync("health-ping", cancellationToken: ct).AsTask().ContinueWith(t => t.Exception is not null || t.Result.IsError == true, ct);
        Assert.True(outside);
    }

    [Theory]
    [InlineData("GET", "/mcp")]
    [InlineData("DELETE", "/mcp/x/groups")]
    [InlineData("GET", "/mcp/x/groups,calls/readonly")]
    public async Task Get_and_delete_get_405(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), fixture.Host.Url(path));
        var (status, _, response) = await Raw.SendAsync(request);
        Assert.Equal(405, status);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/mcp/x/groups/everything")]
    [InlineData("/mcp/y")]
    [InlineData("/mcp/x/groups/readonly/more")]
    public async Task Unknown_paths_are_404(string path)
    {
        var (status, _, _) = await Raw.SendAsync(Raw.Post(fixture.Host.Url(path)));
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task A_foreign_host_is_refused_whether_in_host_or_forwarded_host()
    {
        var inHost = await Raw.SendAsync(Raw.Post(fixture.Host.Url("/mcp/x/messaging"), configure: r => r.Headers.Host = "rebound.example"));
        Assert.Equal(403, inHost.Status);

        var inForwarded = await Raw.SendAsync(Raw.Post(fixture.Host.Url("/mcp/x/messaging"),
            configure: r => r.Headers.TryAddWithoutValidation("X-Forwarded-Host", "rebound.example")));
        Assert.Equal(403, inForwarded.Status);

        // A foreign name ahead of the app's own in a forwarded list is refused too.
        var inList = await Raw.SendAsync(Raw.Post(fixture.Host.Url("/mcp"),
            configure: r => r.Headers.TryAddWithoutValidation("X-Forwarded-Host", "rebound.example, " + FunctionsHost.WebsiteHostName)));
        Assert.Equal(403, inList.Status);
    }

    [Fact]
    public async Task The_apps_own_forwarded_host_is_served_and_its_origin_accepted()
    {
        var (status, body, _) = await Raw.SendAsync(Raw.Post(fixture.Host.Url("/mcp/x/messaging"), configure: r =>
        {
            r.Headers.TryAddWithoutValidation("X-Forwarded-Host", FunctionsHost.WebsiteHostName);
            r.Headers.TryAddWithoutValidation("Origin", "https://" + FunctionsHost.WebsiteHostName);
        }));
        Assert.Equal(200, status);
        Assert.Contains("messages_send", Raw.ToolNames(body));

        var foreignOrigin = await Raw.SendAsync(Raw.Post(fixture.Host.Url("/mcp"), configure: r =>
        {
            r.Headers.TryAddWithoutValidation("X-Forwarded-Host", FunctionsHost.WebsiteHostName);
            r.Headers.TryAddWithoutValidation("Origin", "https://rebound.example");
        }));
        Assert.Equal(403, foreignOrigin.Status);
    }

    [Fact]
    public async Task The_harness_takes_extra_settings()
    {
        // Forwarded hosts switched off by configuration: the header no longer decides, the Host header does.
        await using var host = await FunctionsHost.StartAsync(new() { ["Gateway:TrustForwardedHost"] = "false" });
        var forwardedOnly = await Raw.SendAsync(Raw.Post(host.Url("/mcp"), configure: r =>
        {
            r.Headers.Host = "rebound.example";
            r.Headers.TryAddWithoutValidation("X-Forwarded-Host", FunctionsHost.WebsiteHostName);
        }));
        Assert.Equal(403, forwardedOnly.Status);
    }

    [Fact]
    public async Task A_disabled_area_function_takes_its_tools_off_every_route()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await FunctionsHost.StartAsync(new() { ["AzureWebJobs.calls.Disabled"] = "true" });
        var calls = fixture.Catalog.Entries.Where(e => e.Toolset == "calls").Select(e => e.Name).ToHashSet();
        Assert.NotEmpty(calls);

        await using var all = await host.ConnectAsync("/mcp", Raw.BothCredentials);
        var listed = (await all.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToList();
        Assert.Equal(108 - calls.Count, listed.Count);
        Assert.DoesNotContain(listed, calls.Contains);

        // The single-area path now falls through to the mcp function, which serves nothing of the area.
        await using var area = await host.ConnectAsync("/mcp/x/calls", Raw.BothCredentials);
        Assert.Empty(await area.ListToolsAsync(cancellationToken: ct));

        await using var pair = await host.ConnectAsync("/mcp/x/calls,channels", Raw.BothCredentials);
        Assert.Equal(["newsletters_list"], (await pair.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name));
    }
}
