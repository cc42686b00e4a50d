using ModelContextProtocol.Client;
using Serverless.E2E.Tests.Infrastructure;

namespace Serverless.E2E.Tests.Hardening;

/// <summary>A server bound to every interface says so, and the URL it prints is one its own host check accepts.</summary>
public sealed class WildcardBindTests
{
    [Fact]
    public async Task A_sandbox_bound_to_all_interfaces_warns_and_advertises_a_url_that_works()
    {
        await using var server = await ServerProcess.StartAsync(["serve", "--sandbox", "--urls", "http://0.0.0.0:0"]);

        Assert.Equal("127.0.0.1", server.McpUrl.Host);
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
        }));
        Assert.NotEmpty(await client.ListToolsAsync());
        await server.StopAsync();
        Assert.Contains("listens beyond loopback", server.StandardError, StringComparison.Ordinal);
    }
}
