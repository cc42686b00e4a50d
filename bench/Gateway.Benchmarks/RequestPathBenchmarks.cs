using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Http;
using Serverless.Gateway.Selection;
using Serverless.Tools.Catalog;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Benchmarks;

/// <summary>The stages of one stateless POST, each alone, then the whole request for tools/list and tools/call.</summary>
[MemoryDiagnoser]
public class RequestPathBenchmarks
{
    private GatewayHarness _harness = null!;
    private ToolCatalog _catalog = null!;
    private CallerResolver _callers = null!;
    private McpServerOptionsFactory _options = null!;
    private IReadOnlyList<ToolEntry> _allTools = null!;
    private HttpContext _selectionContext = null!;
    private ModelContextProtocol.Protocol.JsonRpcMessage _toolsCall = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _harness = new GatewayHarness();
        _catalog = _harness.Services.GetRequiredService<ToolCatalog>();
        _callers = _harness.Services.GetRequiredService<CallerResolver>();
        _options = _harness.Services.GetRequiredService<McpServerOptionsFactory>();
        _allTools = _catalog.Entries;
        (_selectionContext, _) = _harness.Post(GatewayHarness.ToolsCall);
        _toolsCall = RequestBody.Parse(GatewayHarness.ToolsCall).Message!;

        // Both whole-request benchmarks must answer what they claim to; a broken set-up would measure an error.
        await Expect(GatewayHarness.ToolsList, "\"message_get\"");
        await Expect(GatewayHarness.ToolsCall, "msg_bench");
    }

    [GlobalCleanup]
    public void Cleanup() => _harness.Dispose();

    [Benchmark(Description = "request parsing: JSON-RPC message and its params")]
    public object? ParseRequest()
    {
        var (message, _) = RequestBody.Parse(GatewayHarness.ToolsCall);
        return RequestParams.Problem(message!) ?? (object?)message;
    }

    [Benchmark(Description = "caller and selection: credentials, toolsets, tools")]
    public int CallerAndSelection()
    {
        var credentials = new CallerCredentials();
        _callers.Fill(_selectionContext.Request, credentials);
        var (selection, _) = ToolSelectionParser.Parse(null, false, _selectionContext.Request.Headers, _catalog);
        return selection!.Apply(_catalog, _ => true).Count(entry => credentials.Has(entry.Upstream));
    }

    [Benchmark(Description = "server construction: options and an SDK server")]
    public async Task ServerConstruction()
    {
        var transport = new SingleRequestTransport(_toolsCall);
        var server = McpServer.Create(transport, _options.Create(_allTools), null, _harness.Services);
        await server.DisposeAsync();
        await transport.DisposeAsync();
    }

    [Benchmark(Description = "tools/list, whole request")]
    public Task ToolsList() => Run(GatewayHarness.ToolsList);

    [Benchmark(Description = "tools/call message_get, whole request")]
    public Task ToolsCall() => Run(GatewayHarness.ToolsCall);

    private async Task Run(byte[] body)
    {
        var (context, scope) = _harness.Post(body);
        using (scope)
        {
            await _harness.Endpoint.HandlePostAsync(context, null, false);
        }
    }

    private async Task Expect(byte[] body, string needle)
    {
        var (context, scope) = _harness.Post(body);
        using (scope)
        {
            await _harness.Endpoint.HandlePostAsync(context, null, false);
            var text = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
            if (context.Response.StatusCode != 200 || !text.Contains(needle, StringComparison.Ordinal) || text.Contains("\"isError\":true", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The benchmark's request was not answered as expected ({context.Response.StatusCode}): {text[..Math.Min(text.Length, 500)]}");
            }
        }
    }
}
