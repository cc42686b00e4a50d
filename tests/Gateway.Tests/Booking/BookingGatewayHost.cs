using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Tests.Booking;

/// <summary>
/// The real gateway pipeline (endpoint, callers, selection, filters, ledger) on loopback Kestrel, serving the
/// stand-in scheduling tools instead of the product catalog, over a store with a remote store's latency.
/// </summary>
public sealed class BookingGatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Uri _mcp;

    private BookingGatewayHost(WebApplication app, Uri mcp, FakeBookingBackend backend, CapturedLogs logs)
    {
        _app = app;
        _mcp = mcp;
        Backend = backend;
        Logs = logs;
    }

    public FakeBookingBackend Backend { get; }

    public CapturedLogs Logs { get; }

    public static async Task<BookingGatewayHost> StartAsync()
    {
        var backend = new FakeBookingBackend();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton(backend);
        // Registered before the gateway, so they take the place of the product catalog and the plain store.
        builder.Services.AddSingleton(new ToolCatalog([typeof(StandInSchedulingTools)]));
        builder.Services.AddSingleton<IBookingSessionStore>(new LatentStore(new InMemoryBookingSessionStore(TimeProvider.System), TimeSpan.FromMilliseconds(20)));
        builder.Services.AddMcpGateway(builder.Configuration);

        var app = builder.Build();
        app.MapMcpGateway("/mcp");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new BookingGatewayHost(app, new Uri(address.TrimEnd('/') + "/mcp"), backend, logs);
    }

    public Task<McpClient> ConnectAsync(string token) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = _mcp,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        }));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
