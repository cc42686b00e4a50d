using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Tests.Hardening;

/// <summary>
/// Distinctive canary values in every credential slot (the caller's key and token, the server-held keys, a
/// managed secret), an upstream that echoes them back in every way it can (error messages, success bodies,
/// text pages), and every tool called: not one canary reaches a result, an error or a log line.
/// </summary>
public sealed class CanaryTests(ITestOutputHelper output)
{
    private const string CallerKey = "ps_CANARYcallerkey7731";
    private const string CallerToken = "CANARYcallertoken5521";
    private const string ServerKey = "ps_CANARYserverkey9902";
    private const string ServerToken = "CANARYservertoken4410";
    private const string ManagedSecret = "CANARYmanagedsecret3381";
    private static readonly string[] Canaries = [CallerKey, CallerToken, ServerKey, ServerToken, ManagedSecret];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_credential_is_echoed_into_results_errors_or_logs(bool singleUser)
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        var answers = 0;
        upstream.Respond = (context, request) => Echo(context, request, Interlocked.Increment(ref answers));
        var settings = upstream.Settings;
        settings["PilotStatus:ApiKey"] = ServerKey;
        settings["ChiliPiper:ApiKey"] = ServerToken;
        await using var host = await GatewayHost.StartAsync(settings);
        host.Services.GetRequiredService<KnownSecrets>().Remember(ManagedSecret);
        var headers = singleUser ? new Dictionary<string, string>() : new() { ["x-api-key"] = CallerKey, ["Authorization"] = "Bearer " + CallerToken };
        await using var client = await host.ConnectAsync(headers: headers);
        var tools = await client.ListToolsAsync();
        var emitted = new List<string>();

        foreach (var tool in tools)
        {
            var body = $$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"{{tool.Name}}","arguments":""" + PlausibleArguments.For(tool.ProtocolTool.InputSchema).ToJsonString() + "}}";
            var (_, text, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), body, r =>
            {
                foreach (var (name, value) in headers)
                {
                    r.Headers.TryAddWithoutValidation(name, value);
                }
            }));
            emitted.Add(text);
        }

        // A refusal that quotes what the caller sent (a tool selection naming the caller's own key) is emitted too.
        var (_, refusal, _) = await RawMcp.SendAsync(RawMcp.Post(host.Mcp(), RawMcp.ToolsList, r =>
        {
            r.Headers.TryAddWithoutValidation("x-api-key", CallerKey);
            r.Headers.TryAddWithoutValidation("X-MCP-Tools", CallerKey);
        }));
        Assert.Contains("error", refusal, StringComparison.Ordinal);
        emitted.Add(refusal);

        var echoed = upstream.Requests.Count;
        var hits = emitted.Concat(host.Logs.Lines)
            .SelectMany(line => Canaries.Where(c => line.Contains(c, StringComparison.OrdinalIgnoreCase)).Select(c => $"{c} in: {Shorten(line)}"))
            .ToList();
        output.WriteLine($"canary ({(singleUser ? "single-user" : "pass-through")}): {tools.Count} tools called, {echoed} upstream requests answered with echoes, {emitted.Count} answers and {host.Logs.Lines.Count} log lines searched, {hits.Count} canary hits");

        Assert.True(echoed >= tools.Count / 2, $"only {echoed} calls reached the upstream; the echo paths were not exercised");
        Assert.True(hits.Count == 0, string.Join('\n', hits.Take(20)));
    }

    // Cycles through the shapes an upstream can echo a request in: vendor error fields, a success body, a text page.
    private static async Task Echo(HttpContext context, WireRequest request, int index)
    {
        var dump = string.Join("; ", request.Headers.Select(h => $"{h.Key}: {h.Value}")) + "; managed " + ManagedSecret;
        var headers = new JsonObject();
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        headers["secret"] = ManagedSecret;
        (int Status, string Type, string Body) answer = (index % 5) switch
        {
            0 => (500, "application/json", new JsonObject { ["error"] = "proxy failure: " + dump, ["code"] = "PROXY", ["errorMessage"] = dump, ["errorCode"] = "Proxy", ["request"] = headers.DeepClone() }.ToJsonString()),
            1 => (200, "application/json", new JsonObject { ["echo"] = headers.DeepClone(), ["id"] = "abc123", ["type"] = "Failure", ["reason"] = dump }.ToJsonString()),
            2 => (400, "text/plain", "Invalid value for: header " + dump),
            3 => (502, "text/html", "<html><pre>" + dump + "</pre></html>"),
            _ => (200, "application/json", new JsonObject { ["data"] = new JsonArray(headers.DeepClone()), ["note"] = dump }.ToJsonString()),
        };
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.Type;
        await context.Response.WriteAsync(answer.Body);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
