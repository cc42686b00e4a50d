using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Tools.Catalog;
using Serverless.Tools.ChiliPiper;
using Serverless.Tools.PilotStatus;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.Tests.Infrastructure;

/// <summary>
/// Every catalog tool behind a real MCP server and client joined by in-memory pipes, with both typed
/// clients talking to one <see cref="FakeUpstream"/>. Calls go through the SDK's argument binding, so a
/// test sees what a model would.
/// </summary>
public sealed class ToolHarness : IAsyncDisposable
{
    public const string PilotStatusBase = "https://ps.test";
    public const string ChiliPiperBase = "https://cp.test/api/fire-edge";

    private readonly ServiceProvider _services;
    private readonly McpServer _server;
    private readonly Task _serverRun;
    private readonly CancellationTokenSource _stop = new();

    private ToolHarness(ServiceProvider services, McpServer server, McpClient client, Task serverRun)
    {
        _services = services;
        _server = server;
        Client = client;
        _serverRun = serverRun;
    }

    public FakeUpstream Upstream { get; private init; } = null!;

    public McpClient Client { get; }

    public static async Task<ToolHarness> StartAsync(
        CallerCredentials? credentials = null,
        Dictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        var upstream = new FakeUpstream();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PilotStatus:BaseUrl"] = PilotStatusBase,
            ["ChiliPiper:BaseUrl"] = ChiliPiperBase,
            ["PilotStatus:MaxReadRetries"] = "0",
            ["ChiliPiper:MaxReadRetries"] = "0",
        }.Concat(settings ?? []).GroupBy(p => p.Key).Select(g => g.Last())).Build();

        var collection = new ServiceCollection();
        collection.AddLogging();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        var caller = credentials ?? new CallerCredentials { PilotStatusApiKey = "ps_test_number", ChiliPiperToken = "cp_test_token" };
        collection.AddScoped(_ => caller);
        services?.Invoke(collection);
        collection.AddGatewayTools(configuration);
        collection.AddHttpClient<PilotStatusClient>().ConfigurePrimaryHttpMessageHandler(() => upstream);
        collection.AddHttpClient<ChiliPiperClient>().ConfigurePrimaryHttpMessageHandler(() => upstream);
        var provider = collection.BuildServiceProvider();

        var catalog = provider.GetRequiredService<ToolCatalog>();
        var options = new McpServerOptions { ToolCollection = [.. catalog.Entries.Select(e => e.Tool)] };
        var toServer = new Pipe();
        var toClient = new Pipe();
        var server = McpServer.Create(
            new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream(), "test", NullLoggerFactory.Instance),
            options, NullLoggerFactory.Instance, provider);
        var stop = new CancellationTokenSource();
        var run = server.RunAsync(stop.Token);
        var client = await McpClient.CreateAsync(
            new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream(), NullLoggerFactory.Instance));
        return new ToolHarness(provider, server, client, run) { Upstream = upstream };
    }

    public async Task<CallToolResult> CallAsync(string tool, object? arguments = null)
    {
        var args = arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments))!;
        return await Client.CallToolAsync(tool, args);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        await _server.DisposeAsync();
        try
        {
            await _serverRun;
        }
        catch (OperationCanceledException)
        {
        }

        await _services.DisposeAsync();
        _stop.Dispose();
    }
}
