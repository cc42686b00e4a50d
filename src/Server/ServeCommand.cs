using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Serverless.Gateway;
using Serverless.Sandbox;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Telemetry;

namespace Serverless.Server;

/// <summary>The self-hosted HTTP server: Kestrel, the gateway endpoint, and the sandbox when chosen.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public const string StoppedLine = "serverless-mcp-gateway: stopped";

    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var builder = WebApplication.CreateSlimBuilder(commandLine.HostArgs);
        Logging.UseDefaultLevels(builder.Configuration);
        Logging.ToStandardError(builder.Logging);
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        await using var sandbox = await SandboxSwitch.StartIfChosenAsync(builder.Configuration, commandLine.Sandbox);
        builder.Services.AddMcpGateway(builder.Configuration);
        builder.Services.AddGatewayWarmUp();
        builder.Services.AddGatewayTelemetry(builder.Configuration);
        var app = builder.Build();
        app.UseFirstRequestTiming();
        app.MapMcpGateway("/mcp");
        app.MapGatewayHealth("/healthz");

        await app.StartAsync();
        var urls = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var mcpUrl = Advertised(urls.First()).TrimEnd('/') + "/mcp";
        var singleUser = app.Services.GetRequiredService<CallerResolver>().SingleUser;
        Console.Out.WriteLine(Banner.For(mcpUrl, sandbox is not null, singleUser));
        Console.Out.Flush();

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Serverless.Server");
        logger.LogInformation("Listening on {Urls}; started in {StartupMs} ms", string.Join(", ", urls),
            (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds);
        if (singleUser && sandbox is null && urls.Any(u => !IsLoopback(u)))
        {
            logger.LogWarning("This server holds upstream keys and listens beyond loopback: anyone who can reach it acts with those keys. Bind to 127.0.0.1 or remove PilotStatus__ApiKey / ChiliPiper__ApiKey.");
        }

        if (sandbox is not null && urls.Any(u => !IsLoopback(u)))
        {
            logger.LogWarning("The sandbox server listens beyond loopback ({Urls}). It answers only the host names in Gateway__AllowedHosts ({AllowedHosts}); add this machine's name there for other machines to reach it, and remember that requests without headers act with the demo keys.",
                string.Join(", ", urls), string.Join(", ", app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value.AllowedHosts));
        }

        await app.WaitForShutdownAsync();

        // The console logger writes from a background queue that process exit does not wait for; disposing the
        // app drains it, so the shutdown lines are not lost when the machine is busy. The last line is written
        // directly, so whoever stopped the server can see it finished.
        await app.DisposeAsync();
        await Console.Error.WriteLineAsync(StoppedLine);
        return 0;
    }

    // A wildcard bind (0.0.0.0, [::], +, *) is no address a client can use, and the host check refuses it; the
    // banner offers the loopback address of the same port, which the default allowed hosts accept.
    internal static string Advertised(string boundUrl)
    {
        var normalised = boundUrl.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalised, UriKind.Absolute, out var uri)
            || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
            || !(ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            return boundUrl;
        }

        return new UriBuilder(uri) { Host = "127.0.0.1" }.Uri.ToString();
    }

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
