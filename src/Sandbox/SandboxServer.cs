using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox;

/// <summary>
/// A self-hosted Kestrel instance serving both vendor twins. It is built on the empty host builder so it reads no
/// configuration files or environment variables, watches no files, and never writes to stdout (which may carry an
/// MCP stdio transport in the same process).
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WebhookDeliveryPump _webhooks;
    private int _disposed;

    private SandboxServer(WebApplication app, WebhookDeliveryPump webhooks, SandboxState state, Uri baseAddress)
    {
        _app = app;
        _webhooks = webhooks;
        State = state;
        BaseAddress = baseAddress;
        PilotStatusBaseUrl = new Uri(baseAddress, SandboxEndpoints.PilotStatusPrefix.TrimStart('/')).ToString();
        ChiliPiperBaseUrl = new Uri(baseAddress, SandboxEndpoints.ChiliPiperPrefix.TrimStart('/')).ToString();
    }

    /// <summary>Root of the server, always ending with a slash, e.g. <c>http://127.0.0.1:43121/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Pilot Status base URL without a trailing slash; clients append <c>/v1/...</c>.</summary>
    public string PilotStatusBaseUrl { get; }

    /// <summary>Chili Piper Edge base URL without a trailing slash; clients append <c>/v1/org/...</c>.</summary>
    public string ChiliPiperBaseUrl { get; }

    public SandboxState State { get; }

    /// <summary>Starts Kestrel on <paramref name="url"/> (port 0 picks a free port) and returns once it is listening.</summary>
    public static async Task<SandboxServer> StartAsync(
        string url = "http://127.0.0.1:0",
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);

        var state = new SandboxState(time);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
        });

        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        // The default console lifetime would hook Ctrl+C/SIGTERM and fight the embedding host over shutdown.
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        var app = builder.Build();
        app.Urls.Add(url);
        app.UseLoopbackHostCheck();
        app.MapSandbox(state);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        // Time-driven changes and webhook deliveries run in the background, not only when a request arrives.
        var webhooks = new WebhookDeliveryPump(
            state.PilotStatus, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<WebhookDeliveryPump>());
        return new SandboxServer(app, webhooks, state, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _webhooks.DisposeAsync().ConfigureAwait(false);
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
