using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests.Hardening;

/// <summary>
/// Seeded malformed JSON-RPC: broken and mutated bodies, odd headers, every protocol version and some that do
/// not exist. No answer is a 5xx, and every 4xx carries a JSON-RPC error body with a code and a message.
/// </summary>
public sealed class ProtocolFuzzTests(ITestOutputHelper output)
{
    private const int Requests = 800;

    private static readonly string[] Valid =
    [
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"fuzz","version":"1"}}}""",
        """{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""",
        """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"messages_unread","arguments":{"page":1}}}""",
        """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
        """{"jsonrpc":"2.0","id":"p","method":"ping"}""",
        """{"jsonrpc":"2.0","id":4,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}""",
    ];

    private static readonly string[] Fragments =
    [
        "null", "true", "[]", "{}", "\"\"", "-1", "1e400", "9223372036854775808", "\"\\ud800\"", "{\"a\":{\"a\":{\"a\":[[[[]]]]}}}",
        "\"2.0\"", "\"1.0\"", "\"tools/call\"", "\"initialize\"", "\"no/such\"", "\"" + new string('x', 3000) + "\"",
    ];

    private static readonly string?[] Versions = [null, "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28", "2099-01-01", "", "garbage", new string('9', 500)];

    private static readonly string?[] ContentTypes =
        ["application/json", "application/json; charset=utf-8", "application/json;charset=latin1", "text/plain", "application/x-www-form-urlencoded", null, "application/json, text/plain"];

    private static readonly string?[] Accepts =
        ["application/json, text/event-stream", "text/event-stream, application/json", "*/*", "application/json", "text/event-stream", null, "application/json;q=0, text/event-stream"];

    [Fact]
    public async Task Malformed_requests_get_4xx_with_a_json_rpc_error_and_never_5xx()
    {
        var seed = Seeds.Current;
        var random = new Random(seed);
        await using var host = await GatewayHost.StartAsync(new() { ["PilotStatus:ApiKey"] = "ps_sandbox_number_1", ["ChiliPiper:ApiKey"] = "cp_sandbox_admin" });
        var problems = new List<string>();
        int serverErrors = 0, clientErrors = 0, bareClientErrors = 0;
        using var http = new HttpClient();

        for (var i = 0; i < Requests; i++)
        {
            var body = Mutate(random, Encoding.UTF8.GetBytes(Valid[random.Next(Valid.Length)]));
            using var request = new HttpRequestMessage(HttpMethod.Post, host.Mcp(random.Next(8) == 0 ? "/mcp/x/messaging/readonly" : "/mcp")) { Content = new ByteArrayContent(body) };
            var describe = Headers(random, request, Encoding.UTF8.GetString(body));

            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var sample = $"#{i} {describe} body={Shorten(Encoding.UTF8.GetString(body))} -> HTTP {status} {Shorten(text)}";
            if (status >= 500)
            {
                serverErrors++;
                problems.Add(sample);
            }
            else if (status >= 400)
            {
                clientErrors++;
                if (!IsJsonRpcError(text))
                {
                    bareClientErrors++;
                    problems.Add("4xx without a JSON-RPC error: " + sample);
                }
            }
        }

        output.WriteLine($"protocol fuzz (seed {seed}): {Requests} requests, {clientErrors} answered 4xx, {serverErrors} HTTP 5xx, {bareClientErrors} 4xx without a JSON-RPC error");
        Assert.True(problems.Count == 0, $"seed {seed} (replay with HARDENING_SEED={seed}):\n" + string.Join('\n', problems.Take(20)));
    }

    private static bool IsJsonRpcError(string text)
    {
        var message = RawMcp.Message(text);
        return message is { ValueKind: JsonValueKind.Object } m
            && m.TryGetProperty("jsonrpc", out var version) && version.ValueKind == JsonValueKind.String && version.GetString() == "2.0"
            && m.TryGetProperty("error", out var error)
            && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number
            && error.TryGetProperty("message", out var words) && words.ValueKind == JsonValueKind.String && words.GetString()!.Length > 0;
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var text = Encoding.UTF8.GetString(valid);
        switch (random.Next(9))
        {
            case 0:
                return valid;
            case 1:
                return valid[..random.Next(valid.Length)];
            case 2:
                var flipped = (byte[])valid.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                return flipped;
            case 3:
                // Replace one value (after a colon) with a fragment of another type.
                var colons = Enumerable.Range(0, text.Length).Where(k => text[k] == ':').ToArray();
                var at = colons[random.Next(colons.Length)] + 1;
                var end = ValueEnd(text, at);
                return Encoding.UTF8.GetBytes(text[..at] + Fragments[random.Next(Fragments.Length)] + text[end..]);
            case 4:
                // Repeat a member name.
                return Encoding.UTF8.GetBytes(text.Insert(1, "\"jsonrpc\":\"2.0\","));
            case 5:
                return Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]);
            case 6:
                return Encoding.UTF8.GetBytes("[" + text + "," + text + "]");
            case 7:
                return Encoding.UTF8.GetBytes(text.Replace("\"params\":", "\"params\":" + Fragments[random.Next(Fragments.Length)] + ",\"x\":", StringComparison.Ordinal));
            default:
                return Encoding.UTF8.GetBytes(text.Replace("\"2.0\"", random.Next(2) == 0 ? "\"1.0\"" : "2", StringComparison.Ordinal));
        }
    }

    private static int ValueEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var k = start; k < text.Length; k++)
        {
            var c = text[k];
            if (inString)
            {
                if (c == '\\')
                {
                    k++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']' when depth == 0:
                    return k;
                case '}' or ']':
                    depth--;
                    break;
                case ',' when depth == 0:
                    return k;
            }
        }

        return text.Length;
    }

    private static string Headers(Random random, HttpRequestMessage request, string body)
    {
        // Mostly well-formed headers, so the body mutations reach the JSON-RPC layer instead of stopping at a header check.
        var contentType = random.Next(4) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : ContentTypes[0];
        if (contentType is not null)
        {
            request.Content!.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        var accept = random.Next(4) == 0 ? Accepts[random.Next(Accepts.Length)] : Accepts[0];
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        var version = random.Next(2) == 0 ? null : Versions[random.Next(Versions.Length)];
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", version);
        }

        var method = random.Next(4) switch
        {
            0 => null,
            1 => "tools/list",
            2 => "=?base64?!!?=",
            _ => body.Contains("tools/call", StringComparison.Ordinal) ? "tools/call" : "initialize",
        };
        if (method is not null)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Method", method);
        }

        if (random.Next(3) == 0)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Name", random.Next(2) == 0 ? "messages_unread" : "=?base64?bWVzc2FnZXNfdW5yZWFk?=");
        }

        if (random.Next(10) == 0)
        {
            request.Headers.TryAddWithoutValidation("Origin", random.Next(2) == 0 ? "http://evil.example" : "not a url");
        }

        if (random.Next(10) == 0)
        {
            request.Headers.Host = random.Next(2) == 0 ? "evil.example" : "localhost";
        }

        if (random.Next(10) == 0)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", "");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer");
        }

        return $"ct={contentType ?? "-"} accept={accept ?? "-"} version={Shorten(version ?? "-")} mcp-method={method ?? "-"}";
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";
}
