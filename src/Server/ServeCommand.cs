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

    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var builder = WebApplication.CreateSlimBuilder(commandLine.ConfigurationArgs);
        Logging.ToStandardError(builder.Logging);
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        await using var sandbox = await SandboxSwitch.StartIfChosenAsync(builder.Configuration, commandLine.Sandbox);
        builder.Services.AddMcpGateway(builder.Configuration);
        builder.Services.AddGatewayTelemetry(builder.Configuration);
        var app = builder.Build();
        app.UseFirstRequestTiming();
        app.MapMcpGateway("/mcp");
        app.MapGet("/healthz", () => "ok");

        await app.StartAsync();
        var urls = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var mcpUrl = urls.First().TrimEnd('/') + "/mcp";
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

        await app.WaitForShutdownAsync();
        return 0;
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
