using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using OpenTelemetry;
using Serverless.Sandbox;

namespace Serverless.Functions.Tests.Infrastructure;

/// <summary>
/// The function classes on a loopback Kestrel, each mapped with the route template and methods of its own
/// [HttpTrigger] (host.json's empty route prefix), registered exactly as the function app registers them, and
/// reaching an in-process sandbox twin over HTTP. It stands in for the Functions host, which cannot run here.
/// </summary>
public sealed class FunctionsHost : IAsyncDisposable
{
    /// <summary>The app's own name as the platform would set it.</summary>
    public const string WebsiteHostName = "gateway-under-test.azurewebsites.net";

    private readonly WebApplication _app;

    private FunctionsHost(WebApplication app, SandboxServer sandbox, Uri baseAddress)
    {
        _app = app;
        Sandbox = sandbox;
        BaseAddress = baseAddress;
    }

    public SandboxServer Sandbox { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    /// <param name="settings">Extra configuration (credential mode, stores, telemetry), applied over the defaults.</param>
    /// <param name="services">Registrations made before the function app's own.</param>
    /// <param name="exporters">Telemetry exporters, e.g. an in-memory one.</param>
    public static async Task<FunctionsHost> StartAsync(
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, Action<OpenTelemetryBuilder>? exporters = null)
    {
        var sandbox = await SandboxServer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PilotStatus:BaseUrl"] = sandbox.PilotStatusBaseUrl,
            ["ChiliPiper:BaseUrl"] = sandbox.ChiliPiperBaseUrl,
            ["WEBSITE_HOSTNAME"] = WebsiteHostName,
            // The app's default store is Table; tests of other behaviour keep sessions in memory.
            ["Booking:Store"] = "Memory",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        // Full routing: function routes use inline constraints such as regex, as the Functions host allows.
        builder.Services.AddRouting();
        services?.Invoke(builder.Services);
        builder.Services.AddFunctionApp(builder.Configuration, exporters);

        var app = builder.Build();
        // The Functions worker runs no ASP.NET Core authentication middleware, while WebApplication adds it whenever
        // authentication services are registered (OpenIddict registers them). Marking it as set keeps it out, so the
        // OAuth functions here take the same path as in the worker: the endpoint invokes OpenIddict's handler itself.
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        // As the Functions host does, a function switched off by AzureWebJobs.<name>.Disabled gets no route.
        foreach (var function in FunctionRoute.All.Where(f => !FunctionAppServices.IsDisabled(app.Configuration, f.Name)))
        {
            app.MapMethods("/" + function.Route, function.Methods, (HttpContext context) => FunctionInvoker.InvokeAsync(function, context))
                .WithName(function.Name);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new FunctionsHost(app, sandbox, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>An SDK client for a path with the given headers.</summary>
    public Task<McpClient> ConnectAsync(string path, Dictionary<string, string>? headers = null) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Url(path),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        }));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
