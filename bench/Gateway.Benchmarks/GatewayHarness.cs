using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Gateway;
using Serverless.Gateway.Http;
using Serverless.Tools.PilotStatus;

namespace Serverless.Gateway.Benchmarks;

/// <summary>
/// The gateway's real service registration with the Pilot Status client answered in-process by a fixed JSON
/// message, and requests built as Kestrel would hand them over: what a benchmark measures is the gateway alone.
/// </summary>
internal sealed class GatewayHarness : IDisposable
{
    public const string ApiKey = "ps_bench_fake_key_0000000000";

    public static readonly byte[] ToolsCall = Encoding.UTF8.GetBytes(
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"message_get","arguments":{"messageId":"msg_bench"}}}""");

    public static readonly byte[] ToolsList = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""");

    private readonly ServiceProvider _services;

    public GatewayHarness()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PilotStatus:BaseUrl"] = "http://upstream.invalid" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddMcpGateway(configuration);
        services.AddHttpClient<PilotStatusClient>().ConfigurePrimaryHttpMessageHandler(() => new FixedAnswer());
        _services = services.BuildServiceProvider();
        Endpoint = _services.GetRequiredService<McpGatewayEndpoint>();
    }

    public McpGatewayEndpoint Endpoint { get; }

    public IServiceProvider Services => _services;

    /// <summary>A POST to /mcp as an MCP client sends it, in a fresh request scope.</summary>
    public (HttpContext Context, IServiceScope Scope) Post(byte[] body)
    {
        var scope = _services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var request = context.Request;
        request.Method = HttpMethods.Post;
        request.Scheme = "http";
        request.Host = new HostString("127.0.0.1", 7071);
        request.Path = "/mcp";
        request.ContentType = "application/json";
        request.ContentLength = body.Length;
        request.Headers.Accept = "application/json, text/event-stream";
        request.Headers["MCP-Protocol-Version"] = "2025-06-18";
        request.Headers["x-api-key"] = ApiKey;
        request.Body = new MemoryStream(body, writable: false);
        context.Response.Body = new MemoryStream();
        return (context, scope);
    }

    public void Dispose() => _services.Dispose();

    private sealed class FixedAnswer : HttpMessageHandler
    {
        private static readonly byte[] Message = Encoding.UTF8.GetBytes(
            """{"id":"msg_bench","status":"DELIVERED","to":"5511999999999","type":"text","text":{"body":"benchmark message"},"createdAt":"2026-01-01T00:00:00.000Z"}""");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new ByteArrayContent(Message) { Headers = { ContentType = new("application/json") } },
                RequestMessage = request,
            });
    }
}
