using System.Net.Http.Headers;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests;

/// <summary>The HTTP rules of the endpoint, checked with hand-built requests.</summary>
public sealed class HttpGuardTests
{
    private static Dictionary<string, string?> SingleUser => new()
    {
        ["PilotStatus:ApiKey"] = "ps_sandbox_number_1",
        ["ChiliPiper:ApiKey"] = "cp_sandbox_admin",
    };

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Get_and_delete_are_405_with_allow_post(string method)
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);

        var (status, body, response) = await RawMcp.SendAsync(new HttpRequestMessage(new HttpMethod(method), host.Mcp()));

        Assert.Equal(405, status);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal("2.0", JsonDocument.Parse(body).RootElement.GetProperty("jsonrpc").GetString());
    }

    [Fact]
    public async Task A_client_that_does_not_accept_event_streams_gets_406()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);

        var (status, _, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r =>
        {
            r.Headers.Accept.Clear();
            r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }));

        Assert.Equal(406, status);
    }

    [Fact]
    public async Task A_non_json_content_type_gets_415()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);
        var request = RawMcp.Post(host.Mcp(), RawMcp.ToolsList);
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("text/plain");

        Assert.Equal(415, (await RawMcp.SendAsync(request)).Status);
    }

    [Theory]
    [InlineData("{not json", -32700)]
    [InlineData("""{"hello":"world"}""", -32600)]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"tools/list"}]""", -32600)]
    public async Task Malformed_bodies_get_400_with_a_json_rpc_error(string body, int code)
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);

        var (status, text, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), body));

        Assert.Equal(400, status);
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_unsupported_protocol_version_gets_400_listing_the_supported_ones()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);

        var (status, text, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Add("MCP-Protocol-Version", "1999-01-01")));

        Assert.Equal(400, status);
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Equal(7, JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt32());
        Assert.Contains("2026-07-28", error.GetProperty("data").GetProperty("supported").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task A_header_that_disagrees_with_the_body_gets_400()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);
        const string body = """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2025-11-25","io.modelcontextprotocol/clientCapabilities":{}}}}""";

        var (status, _, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), body, r =>
        {
            r.Headers.Add("MCP-Protocol-Version", "2026-07-28");
            r.Headers.Add("Mcp-Method", "tools/list");
        }));

        Assert.Equal(400, status);
    }

    [Fact]
    public async Task A_mcp_method_header_that_disagrees_with_the_body_gets_400()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);
        const string body = """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}""";

        var ok = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), body, r =>
        {
            r.Headers.Add("MCP-Protocol-Version", "2026-07-28");
            r.Headers.Add("Mcp-Method", "tools/list");
        }));
        var mismatch = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), body, r =>
        {
            r.Headers.Add("MCP-Protocol-Version", "2026-07-28");
            r.Headers.Add("Mcp-Method", "tools/call");
        }));

        Assert.Equal(200, ok.Status);
        Assert.Contains("messages_send", ok.Body);
        Assert.Equal(400, mismatch.Status);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        await using var host = await GatewayHost.StartAsync(new(SingleUser) { ["Gateway:MaxRequestBodyBytes"] = "2048" });
        var padding = new string('a', 4096);

        var (status, _, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), $$$"""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"pad":"{{{padding}}}"}}"""));

        Assert.Equal(413, status);
    }

    [Fact]
    public async Task Foreign_hosts_and_origins_are_refused_and_local_ones_served()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);

        var foreignHost = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Host = "evil.example"));
        var foreignOrigin = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Add("Origin", "https://evil.example")));
        var localOrigin = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Add("Origin", "http://localhost:3000")));

        Assert.Equal(403, foreignHost.Status);
        Assert.Equal(403, foreignOrigin.Status);
        Assert.Equal(200, localOrigin.Status);
    }

    [Fact]
    public async Task Configured_hosts_are_served()
    {
        await using var host = await GatewayHost.StartAsync(new(SingleUser) { ["Gateway:AllowedHosts:0"] = "gateway.example", ["Gateway:AllowedHosts:1"] = "*.azurewebsites.net" });

        Assert.Equal(200, (await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Host = "gateway.example"))).Status);
        Assert.Equal(200, (await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Host = "my-app.azurewebsites.net"))).Status);
        Assert.Equal(403, (await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r => r.Headers.Host = "azurewebsites.net.evil.example"))).Status);
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);

        Assert.Equal(404, (await RawMcp.SendAsync(RawMcp.Post(host.Mcp("/other"), RawMcp.ToolsList))).Status);
        Assert.Equal(404, (await RawMcp.SendAsync(RawMcp.Post(host.Mcp("/mcp/x/messaging/extra/readonly"), RawMcp.ToolsList))).Status);
    }

    [Fact]
    public async Task Without_configured_keys_a_request_without_credentials_gets_401_naming_the_headers()
    {
        await using var host = await GatewayHost.StartAsync();

        var (status, body, response) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList));

        Assert.Equal(401, status);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.Contains("x-api-key", body);
        Assert.Contains("Authorization: Bearer", body);
    }
}
