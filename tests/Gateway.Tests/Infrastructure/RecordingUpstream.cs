using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Gateway.Tests.Infrastructure;

/// <summary>A request as it arrived on the wire: the raw target (before any decoding) and the headers.</summary>
public sealed record WireRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers)
{
    public string RawPath => RawTarget.Split('?')[0];
}

/// <summary>
/// A loopback HTTP server standing in for both upstreams: it records every request as sent and answers with
/// <see cref="Respond"/> (200 and an empty JSON object unless a test says otherwise).
/// </summary>
public sealed class RecordingUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingUpstream(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<WireRequest> Requests { get; } = new();

    public Func<HttpContext, WireRequest, Task> Respond { get; set; } = static (context, _) =>
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{}");
    };

    /// <summary>Settings that send both upstreams here (Pilot Status at the root, Chili Piper under its vendor base path).</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["PilotStatus:BaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
        ["ChiliPiper:BaseUrl"] = new Uri(BaseAddress, "api/fire-edge").ToString(),
        ["PilotStatus:MaxReadRetries"] = "0",
        ["ChiliPiper:MaxReadRetries"] = "0",
    };

    public static async Task<RecordingUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        RecordingUpstream? self = null;
        app.Run(context =>
        {
            var request = new WireRequest(
                context.Request.Method,
                context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
                context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()));
            self!.Requests.Enqueue(request);
            return self.Respond(context, request);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        self = new RecordingUpstream(app, new Uri(address.TrimEnd('/') + "/"));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
