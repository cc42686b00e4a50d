using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests;

/// <summary>X-Forwarded-Host: ignored unless trusted, and then checked like Host; the platform's own name is always served.</summary>
public sealed class ForwardedHostTests
{
    private static Dictionary<string, string?> SingleUser => new()
    {
        ["PilotStatus:ApiKey"] = "ps_sandbox_number_1",
        ["ChiliPiper:ApiKey"] = "cp_sandbox_admin",
    };

    [Fact]
    public async Task By_default_the_header_cannot_bypass_the_host_check()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);

        var foreignHostLocalForwarded = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r =>
        {
            r.Headers.Host = "rebound.example";
            r.Headers.Add("X-Forwarded-Host", "localhost");
        }));
        var localHostForeignForwarded = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Add("X-Forwarded-Host", "rebound.example")));

        Assert.Equal(403, foreignHostLocalForwarded.Status);
        Assert.Equal(200, localHostForeignForwarded.Status);
    }

    [Fact]
    public async Task When_trusted_the_forwarded_host_decides()
    {
        await using var host = await GatewayHost.StartAsync(new(SingleUser)
        {
            ["Gateway:TrustForwardedHost"] = "true",
            ["Gateway:AllowedHosts:0"] = "mcp.contoso.example",
        });

        var own = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Add("X-Forwarded-Host", "mcp.contoso.example")));
        var foreign = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Add("X-Forwarded-Host", "rebound.example")));
        var foreignFirst = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Add("X-Forwarded-Host", "rebound.example,mcp.contoso.example")));
        var noHeader = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList));
        var foreignOrigin = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r =>
        {
            r.Headers.Add("X-Forwarded-Host", "mcp.contoso.example");
            r.Headers.Add("Origin", "https://rebound.example");
        }));
        var ownOrigin = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r =>
        {
            r.Headers.Add("X-Forwarded-Host", "mcp.contoso.example");
            r.Headers.Add("Origin", "https://mcp.contoso.example");
        }));

        Assert.Equal(200, own.Status);
        Assert.Equal(403, foreign.Status);
        Assert.Equal(403, foreignFirst.Status);
        Assert.Equal(200, noHeader.Status);
        Assert.Equal(403, foreignOrigin.Status);
        Assert.Equal(200, ownOrigin.Status);
    }

    [Fact]
    public async Task The_platform_host_name_is_served_without_being_listed()
    {
        await using var host = await GatewayHost.StartAsync(new(SingleUser) { ["WEBSITE_HOSTNAME"] = "my-gateway.azurewebsites.net" });

        Assert.Equal(200, (await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Host = "my-gateway.azurewebsites.net"))).Status);
        Assert.Equal(200, (await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Host = "localhost"))).Status);
        Assert.Equal(403, (await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Host = "other.azurewebsites.net"))).Status);
    }
}
