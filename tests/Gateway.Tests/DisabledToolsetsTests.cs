using ModelContextProtocol;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests;

public sealed class DisabledToolsetsTests
{
    [Fact]
    public async Task A_disabled_toolset_is_neither_listed_nor_callable_on_any_route()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await GatewayHost.StartAsync(new() { ["Gateway:DisabledToolsets:0"] = "organization" });

        await using var all = await host.ConnectAsync("/mcp", Credentials.Both);
        var listed = (await all.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToList();
        Assert.Equal(106, listed.Count);
        Assert.DoesNotContain("health-ping", listed);
        Assert.Contains("user-read", listed);

        await using var named = await host.ConnectAsync("/mcp/x/organization", Credentials.Both);
        Assert.Empty(await named.ListToolsAsync(cancellationToken: ct));
        var call = await Record.ExceptionAsync(async () => await all.CallToolAsync("health-ping", cancellationToken: ct));
        Assert.IsType<McpProtocolException>(call, exactMatch: false);
    }
}
