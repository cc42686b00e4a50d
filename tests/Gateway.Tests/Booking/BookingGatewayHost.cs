using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Tests.Booking;

/// <summary>
/// The real gateway pipeline (endpoint, callers, selection, filters, ledger) serving the stand-in scheduling tools
/// instead of the product catalog, over a store with a remote store's latency.
/// </summary>
public sealed class BookingGatewayHost : IAsyncDisposable
{
    private readonly GatewayHost _host;

    private BookingGatewayHost(GatewayHost host, FakeBookingBackend backend)
    {
        _host = host;
        Backend = backend;
    }

    public FakeBookingBackend Backend { get; }

    public CapturedLogs Logs => _host.Logs;

    public static async Task<BookingGatewayHost> StartAsync()
    {
        var backend = new FakeBookingBackend();
        var host = await GatewayHost.StartAsync(services: services =>
        {
            services.AddSingleton(backend);
            services.AddSingleton(new ToolCatalog([ToolArea.Of<StandInSchedulingTools>()]));
            services.AddSingleton<IBookingSessionStore>(new LatentStore(new InMemoryBookingSessionStore(TimeProvider.System), TimeSpan.FromMilliseconds(20)));
        });
        return new BookingGatewayHost(host, backend);
    }

    public Task<McpClient> ConnectAsync(string token) =>
        _host.ConnectAsync("/mcp", new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
