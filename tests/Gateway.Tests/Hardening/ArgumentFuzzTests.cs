using System.Text.Json;
using ModelContextProtocol.Client;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests.Hardening;

/// <summary>
/// Every tool called with seeded hostile arguments against a recording upstream: no HTTP 5xx, no -32603, and
/// every request that reaches the upstream stays on the tool's documented route. The seed is printed and can
/// be replayed with HARDENING_SEED.
/// </summary>
public sealed class ArgumentFuzzTests(ITestOutputHelper output)
{
    private const int CallsPerTool = 10;

    [Fact]
    public async Task Hostile_arguments_never_fail_the_server_or_leave_the_route()
    {
        var seed = Seeds.Current;
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var host = await GatewayHost.StartAsync(upstream.Settings);
        var headers = new Dictionary<string, string> { ["x-api-key"] = "ps_fuzz_key_0001", ["Authorization"] = "Bearer cp_fuzz_token_0001" };
        await using var client = await host.ConnectAsync(headers: headers);
        var tools = await client.ListToolsAsync();
        var values = new HostileValues(seed);
        var problems = new List<string>();
        int sent = 0, serverErrors = 0, internalErrors = 0, escapes = 0;

        Assert.All(tools, t => Assert.True(DocumentedRoutes.Has(t.Name), $"{t.Name} has no documented route in documented-routes.txt"));
        foreach (var tool in tools.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            for (var i = 0; i < CallsPerTool; i++)
            {
                var arguments = values.Arguments(tool.ProtocolTool.InputSchema);
                var body = $$"""{"jsonrpc":"2.0","id":{{i + 1}},"method":"tools/call","params":{"name":"{{tool.Name}}","arguments":""" + arguments + "}}";
                var (status, text, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), body, r =>
                {
                    r.Headers.Add("x-api-key", headers["x-api-key"]);
                    r.Headers.TryAddWithoutValidation("Authorization", headers["Authorization"]);
                }));
                sent++;
                if (status >= 500)
                {
                    serverErrors++;
                    problems.Add($"{tool.Name} {arguments}: HTTP {status} {text}");
                }

                if (RawMcp.Message(text) is { } message && message.TryGetProperty("error", out var error) && error.GetProperty("code").GetInt32() == -32603)
                {
                    internalErrors++;
                    problems.Add($"{tool.Name} {arguments}: -32603 {error.GetProperty("message")}");
                }

                while (upstream.Requests.TryDequeue(out var request))
                {
                    if (!DocumentedRoutes.Allows(tool.Name, request.Method, request.RawPath))
                    {
                        escapes++;
                        problems.Add($"{tool.Name} {arguments}: sent {request.Method} {request.RawPath}, documented {DocumentedRoutes.Describe(tool.Name)}");
                    }
                }
            }
        }

        output.WriteLine($"argument fuzz (seed {seed}): {tools.Count} tools, {sent} calls, {serverErrors} HTTP 5xx, {internalErrors} -32603, {escapes} route escapes");
        Assert.True(problems.Count == 0, $"seed {seed} (replay with HARDENING_SEED={seed}):\n" + string.Join('\n', problems.Take(20)));
    }
}
