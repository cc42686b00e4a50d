using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Serverless.Sandbox;

namespace Serverless.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway endpoint on a real loopback Kestrel, reaching an in-process sandbox twin over HTTP by base
/// URL, as a deployment reaches the real APIs.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, SandboxServer sandbox, Uri baseAddress, CapturedLogs logs)
    {
        _app = app;
        Sandbox = sandbox;
        BaseAddress = baseAddress;
        Logs = logs;
    }

    public SandboxServer Sandbox { get; }

    public Uri BaseAddress { get; }

    public CapturedLogs Logs { get; }

    /// <summary>The gateway's own services, e.g. to remember a secret the way a secret source would, or its signing keys.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Every MCP-Protocol-Version header the endpoint received, to prove which revision a client spoke.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ProtocolVersionsSeen { get; } = new();

    public Uri Mcp(string path = "/mcp") => new(BaseAddress, path);

    /// <param name="settings">Extra configuration, e.g. server-side keys for single-user mode.</param>
    /// <param name="sandboxTime">Clock of the sandbox twin (message lifecycle, webhook retries); the system clock when null.</param>
    /// <param name="services">Registrations made before the gateway's own, which then stand in for its defaults (catalog, store).</param>
    public static async Task<GatewayHost> StartAsync(
        Dictionary<string, string?>? settings = null, TimeProvider? sandboxTime = null, Action<IServiceCollection>? services = null)
    {
        var sandbox = await SandboxServer.StartAsync(time: sandboxTime);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PilotStatus:BaseUrl"] = sandbox.PilotStatusBaseUrl,
            ["ChiliPiper:BaseUrl"] = sandbox.ChiliPiperBaseUrl,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        services?.Invoke(builder.Services);
        builder.Services.AddMcpGateway(builder.Configuration);

        var app = builder.Build();
        GatewayHost? self = null;
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("MCP-Protocol-Version", out var version))
            {
                self!.ProtocolVersionsSeen.Enqueue(version.ToString());
            }

            return next(context);
        });
        app.MapMcpGateway("/mcp");
        app.MapGatewayHealth("/healthz");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        self = new GatewayHost(app, sandbox, new Uri(address.TrimEnd('/') + "/"), logs);
        return self;
    }

    /// <summary>An SDK client for a path with the given headers (credentials, selection).</summary>
    public Task<McpClient> ConnectAsync(string path = "/mcp", Dictionary<string, string>? headers = null, string? protocolVersion = null) =>
        McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = Mcp(path),
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
            }),
            protocolVersion is null ? null : new McpClientOptions { ProtocolVersion = protocolVersion });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
