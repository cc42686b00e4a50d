using System.Text;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests.Hardening;

/// <summary>Malformed requests get a JSON-RPC error with the right code and a message that names the problem.</summary>
public sealed class MalformedRequestTests
{
    private static Dictionary<string, string?> SingleUser => new()
    {
        ["PilotStatus:ApiKey"] = "ps_sandbox_number_1",
        ["ChiliPiper:ApiKey"] = "cp_sandbox_admin",
    };

    public static TheoryData<string, string, int, string> Bodies => new()
    {
        { "initialize without capabilities", """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","clientInfo":{"name":"x","version":"1"}}}""", -32602, "capabilities" },
        { "initialize with params as a string", """{"jsonrpc":"2.0","id":1,"method":"initialize","params":"x"}""", -32602, "object" },
        { "duplicate member names", """{"jsonrpc":"2.0","id":1,"method":"tools/list","method":"tools/call","params":{}}""", -32700, "JSON" },
        { "lone surrogate", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"messages_unread","arguments":{"x":"\ud800"}}}""", -32700, "$.params.arguments.x" },
        { "arguments as an array", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"messages_unread","arguments":[]}}""", -32602, "params.arguments" },
        { "arguments as a string", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"messages_unread","arguments":"page=1"}}""", -32602, "params.arguments" },
        { "tools/call without a name", """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"arguments":{}}}""", -32602, "name" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_request_gets_400_with_a_code_and_a_message(string what, string body, int code, string named)
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);

        var (status, text, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), body));

        Assert.True(status == 400, $"{what}: HTTP {status} {text}");
        var error = RawMcp.Message(text)!.Value.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Contains(named, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_member_gets_a_parse_error()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);
        var bytes = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"cursor":"AB"}}""");
        var at = Array.IndexOf(bytes, (byte)'A');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        var request = RawMcp.Post(host.Mcp(), "");
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new("application/json");

        var (status, text, _) = await RawMcp.SendAsync(request);

        Assert.Equal(400, status);
        Assert.Equal(-32700, RawMcp.Message(text)!.Value.GetProperty("error").GetProperty("code").GetInt32());
    }

    public static TheoryData<string, string, string> ExtremeArguments => new()
    {
        { "messages_unread", """{"pageSize":9223372036854775807}""", "pageSize" },
        { "messages_unread", """{"page":1e308}""", "page" },
        { "billing_checkout", """{"purpose":"wallet_topup","amount":1e308}""", "amount" },
        { "messages_unread", """{"page":""" + new string('[', 40) + new string(']', 40) + "}", "page" },
        { "webhooks_create", """{"url":"https://example.com/h","events":""" + Deep(40) + "}", "events" },
    };

    [Theory]
    [MemberData(nameof(ExtremeArguments))]
    public async Task An_argument_the_tool_cannot_take_is_named_in_an_error_result(string tool, string arguments, string named)
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);
        var body = """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":""" + $"\"{tool}\",\"arguments\":{arguments}}}}}";

        var (status, text, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), body));

        Assert.True(status is >= 200 and < 500, $"HTTP {status} {text}");
        var message = RawMcp.Message(text)!.Value;
        if (message.TryGetProperty("error", out var error))
        {
            Assert.Equal(-32602, error.GetProperty("code").GetInt32());
            Assert.Contains(named, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        else
        {
            var result = message.GetProperty("result");
            Assert.True(result.GetProperty("isError").GetBoolean(), text);
            Assert.Equal(named, result.GetProperty("structuredContent").GetProperty("error").GetProperty("parameter").GetString());
        }
    }

    [Fact]
    public async Task An_unknown_method_on_2026_07_28_is_404_with_method_not_found()
    {
        await using var host = await GatewayHost.StartAsync(SingleUser);
        const string body = """{"jsonrpc":"2.0","id":1,"method":"no/such/method","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}""";

        var (status, text, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), body, r =>
        {
            r.Headers.Add("MCP-Protocol-Version", "2026-07-28");
            r.Headers.Add("Mcp-Method", "no/such/method");
        }));

        Assert.True(status == 404, $"HTTP {status} {text}");
        Assert.Equal(-32601, RawMcp.Message(text)!.Value.GetProperty("error").GetProperty("code").GetInt32());
    }

    private static string Deep(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
}
