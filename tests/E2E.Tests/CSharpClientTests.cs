using System.Diagnostics;
using System.Net;
using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.E2E.Tests.Infrastructure;

namespace Serverless.E2E.Tests;

/// <summary>The real server process, driven by the official C# SDK client over HTTP and over stdio.</summary>
public sealed class CSharpClientTests
{
    private static string Text(CallToolResult r) => string.Join("\n", r.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private static Task<McpClient> ConnectAsync(Uri url, Dictionary<string, string>? headers = null) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = url,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        }));

    [Fact]
    public async Task Sandbox_server_over_http_serves_all_108_tools_and_a_send()
    {
        await using var server = await ServerProcess.StartAsync();
        Assert.True(await server.WaitForOutputAsync("mcp-remote"), server.StandardOutput);
        Assert.Contains("ps_sandbox_tenant", server.StandardOutput);
        Assert.Contains("cp_sandbox_readonly", server.StandardOutput);

        var firstRequest = Stopwatch.GetTimestamp();
        await using var client = await ConnectAsync(server.McpUrl);
        var tools = await client.ListToolsAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"process start to first answered request: {Stopwatch.GetElapsedTime(server.StartedTimestamp, Stopwatch.GetTimestamp()).TotalMilliseconds:F0} ms (client connect {Stopwatch.GetElapsedTime(firstRequest).TotalMilliseconds:F0} ms)");

        Assert.Equal(108, tools.Count);
        var sent = await client.CallToolAsync("messages_send", new Dictionary<string, object?>
        {
            ["destinationNumber"] = "+5511988887777",
            ["templateId"] = "order_update",
            ["variables"] = new Dictionary<string, string> { ["name"] = "Ana", ["order"] = "A-1" },
        });
        Assert.True(sent.IsError is not true, Text(sent));
        var read = await client.CallToolAsync("message_get", new Dictionary<string, object?> { ["messageId"] = sent.StructuredContent!.Value.GetProperty("id").GetString() });
        Assert.True(read.IsError is not true, Text(read));
        Assert.True(read.StructuredContent!.Value.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Sandbox_server_over_stdio_serves_tools_with_logs_kept_off_stdout()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = RepoPaths.Server,
            Arguments = ["stdio", "--sandbox"],
            Name = "gateway-stdio",
        });
        await using var client = await McpClient.CreateAsync(transport);

        var tools = await client.ListToolsAsync();
        var tenant = await client.CallToolAsync("tenant-get");
        var scope = await client.CallToolAsync("conversations_list");

        Assert.Equal(108, tools.Count);
        Assert.True(tenant.IsError is not true, Text(tenant));
        Assert.Equal("sandbox-demo", tenant.StructuredContent!.Value.GetProperty("tenantData").GetProperty("subdomain").GetString());
        Assert.True(scope.IsError is not true, Text(scope));
    }

    [Fact]
    public async Task Stdio_narrows_its_tools_from_configuration()
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = RepoPaths.Server,
            Arguments = ["stdio", "--sandbox"],
            EnvironmentVariables = new Dictionary<string, string?> { ["Selection__Toolsets"] = "messaging,users", ["Selection__ReadOnly"] = "true" },
        });
        await using var client = await McpClient.CreateAsync(transport);

        var names = (await client.ListToolsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["conversations_list", "message_get", "messages_group", "messages_unread", "user-find", "user-find-by-filter", "user-find-by-ids", "user-read"], names);
    }

    [Fact]
    public async Task Stdio_sends_a_configured_pilot_status_key_id_and_number_like_request_headers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = RepoPaths.Server,
            Arguments = ["stdio"],
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["Sandbox__Enabled"] = "false",
                ["PilotStatus__ApiKey"] = null,
                ["ChiliPiper__ApiKey"] = null,
                ["PilotStatus__ApiKeyId"] = "key_from_configuration",
                ["PilotStatus__WhatsAppNumberId"] = "num_from_configuration",
                ["PilotStatus__BaseUrl"] = new Uri(upstream.BaseAddress, "ps").ToString(),
                ["ChiliPiper__BaseUrl"] = new Uri(upstream.BaseAddress, "cp").ToString(),
            },
        }), cancellationToken: ct);

        var tools = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToHashSet();
        var conversations = await client.CallToolAsync("conversations_list", cancellationToken: ct);

        // A key id is a Pilot Status credential: its tools are served, Chili Piper's (no token) are not.
        Assert.Contains("conversations_list", tools);
        Assert.DoesNotContain("tenant-get", tools);
        Assert.True(conversations.IsError is not true, Text(conversations));
        var ps = Assert.Single(upstream.Requests.ToArray());
        Assert.Equal(("GET", "/ps/v1/conversations"), (ps.Method, ps.PathAndQuery));
        Assert.Equal("key_from_configuration", ps.Headers["x-api-key-id"]);
        Assert.Equal("num_from_configuration", ps.Headers["x-whatsapp-number-id"]);
        Assert.False(ps.Headers.ContainsKey("x-api-key"));
    }

    [Fact]
    public async Task A_server_holding_keys_warns_when_it_listens_beyond_loopback()
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["PilotStatus__ApiKey"] = "ps_server_side_key",
            ["PilotStatus__BaseUrl"] = new Uri(upstream.BaseAddress, "ps").ToString(),
            ["ChiliPiper__BaseUrl"] = new Uri(upstream.BaseAddress, "cp").ToString(),
        };
        await using var loopback = await ServerProcess.StartAsync(["serve"], environment);
        await using var wide = await ServerProcess.StartAsync(["serve", "--urls", "http://0.0.0.0:0"], environment);

        Assert.True(await wide.WaitForOutputAsync("mcp-remote"));
        await Task.Delay(500);
        Assert.Contains("listens beyond loopback", wide.StandardError);
        Assert.DoesNotContain("listens beyond loopback", loopback.StandardError);
        Assert.DoesNotContain("ps_server_side_key", wide.StandardError + wide.StandardOutput);
    }

    [Fact]
    public async Task Without_configured_keys_a_request_without_credentials_gets_401()
    {
        await using var server = await ServerProcess.StartAsync(environment: new Dictionary<string, string?> { ["Sandbox__SingleUser"] = "false" });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.McpUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.Contains("x-api-key", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Base_urls_send_each_upstream_its_documented_request_and_header()
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var server = await ServerProcess.StartAsync(["serve"], new Dictionary<string, string?>
        {
            ["ChiliPiper__BaseUrl"] = new Uri(upstream.BaseAddress, "cp/api/fire-edge").ToString(),
            ["PilotStatus__BaseUrl"] = new Uri(upstream.BaseAddress, "ps").ToString(),
        });
        Assert.DoesNotContain("sandbox", server.StandardOutput, StringComparison.OrdinalIgnoreCase);
        await using var client = await ConnectAsync(server.McpUrl, new()
        {
            ["Authorization"] = "Bearer cp_token_for_redirect",
            ["x-api-key"] = "ps_key_for_redirect",
        });

        var tenant = await client.CallToolAsync("tenant-get");
        var conversations = await client.CallToolAsync("conversations_list");

        Assert.True(tenant.IsError is not true, Text(tenant));
        Assert.True(conversations.IsError is not true, Text(conversations));
        var requests = upstream.Requests.ToArray();
        var cp = Assert.Single(requests, r => r.PathAndQuery.StartsWith("/cp/", StringComparison.Ordinal));
        Assert.Equal(("GET", "/cp/api/fire-edge/v1/org/tenant/get"), (cp.Method, cp.PathAndQuery));
        Assert.Equal("Bearer cp_token_for_redirect", cp.Headers["authorization"]);
        Assert.False(cp.Headers.ContainsKey("x-api-key"));
        var ps = Assert.Single(requests, r => r.PathAndQuery.StartsWith("/ps/", StringComparison.Ordinal));
        Assert.Equal(("GET", "/ps/v1/conversations"), (ps.Method, ps.PathAndQuery));
        Assert.Equal("ps_key_for_redirect", ps.Headers["x-api-key"]);
        Assert.False(ps.Headers.ContainsKey("authorization"));
    }

    [Fact]
    public async Task Ctrl_c_shuts_the_server_down_cleanly()
    {
        var server = await ServerProcess.StartAsync();

        var exitCode = await server.StopAsync(TimeSpan.FromSeconds(20));
        await server.DisposeAsync();

        Assert.Equal(0, exitCode);
        // Written after the host has stopped and its loggers are drained; a log line alone could be lost at exit.
        Assert.Contains("serverless-mcp-gateway: stopped", server.StandardError);
        Assert.Contains("Application is shutting down", server.StandardError);
    }
}
