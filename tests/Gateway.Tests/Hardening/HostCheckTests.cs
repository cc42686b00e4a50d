using System.Net;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;

namespace Serverless.Gateway.Tests.Hardening;

/// <summary>DNS-rebinding protection on every port the product opens: the sandbox twin and the health probe too.</summary>
public sealed class HostCheckTests
{
    [Theory]
    [InlineData("evil.example", 403)]
    [InlineData("localhost", 200)]
    [InlineData("127.0.0.1", 200)]
    public async Task The_sandbox_twin_answers_loopback_host_names_only(string host, int expected)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, sandbox.ChiliPiperBaseUrl + "/v1/org/health/ping");
        request.Headers.Host = $"{host}:{sandbox.BaseAddress.Port}";
        request.Headers.Authorization = new("Bearer", SandboxCredentials.ChiliPiperAdminToken);

        using var response = await http.SendAsync(request);

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_health_probe_follows_the_host_rules_of_the_endpoint()
    {
        await using var host = await GatewayHost.StartAsync();
        using var http = new HttpClient();

        using var allowed = await http.GetAsync(new Uri(host.BaseAddress, "/healthz"));
        using var rebound = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseAddress, "/healthz"));
        rebound.Headers.Host = "evil.example";
        using var refused = await http.SendAsync(rebound);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("ok", await allowed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("evil.example", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
