using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Server;
using Serverless.Gateway;
using Serverless.Sandbox;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Selection;
using Serverless.Gateway.Telemetry;
using Serverless.Tools;
using Serverless.Tools.Catalog;
using Serverless.Tools.Upstreams;

namespace Serverless.Server;

/// <summary>MCP over stdin/stdout for clients that launch a local process; credentials come from configuration.</summary>
internal static class StdioCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var builder = Host.CreateApplicationBuilder(commandLine.ConfigurationArgs);
        Logging.ToStandardError(builder.Logging);
        await using var sandbox = await SandboxSwitch.StartIfChosenAsync(builder.Configuration, commandLine.Sandbox);

        var configuration = builder.Configuration;
        builder.Services.AddScoped(_ => CredentialsFrom(configuration));
        builder.Services.AddGatewayTools(configuration);
        builder.Services.AddBookingLedger(configuration);
        builder.Services.AddGatewayTelemetry(configuration);

        var credentials = CredentialsFrom(configuration);
        if (!credentials.HasAny)
        {
            await Console.Error.WriteLineAsync("No upstream credential: set PilotStatus__ApiKey and/or ChiliPiper__ApiKey, or pass --sandbox.");
            return 2;
        }

        var catalog = ToolCatalog.CreateDefault();
        var (selection, selectionError) = ToolSelectionParser.Parse(catalog, null, false,
            configuration["Selection:Toolsets"], configuration["Selection:Tools"], configuration["Selection:ExcludeTools"], configuration["Selection:ReadOnly"]);
        if (selection is null)
        {
            await Console.Error.WriteLineAsync(selectionError);
            return 2;
        }

        var tools = selection.Apply(catalog, credentials.Has);
        builder.Services.AddMcpServer().WithStdioServerTransport();
        builder.Services.AddOptions<McpServerOptions>().Configure<ILoggerFactory>((options, loggers) =>
            McpServerOptionsFactory.Configure(options, tools, loggers.CreateLogger("Serverless.Gateway.Audit")));

        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }

    private static CallerCredentials CredentialsFrom(IConfiguration configuration) => new()
    {
        PilotStatusApiKey = NonEmpty(configuration[$"{UpstreamOptions.PilotStatusSection}:ApiKey"]),
        WhatsAppNumberId = NonEmpty(configuration[$"{UpstreamOptions.PilotStatusSection}:WhatsAppNumberId"]),
        ChiliPiperToken = NonEmpty(configuration[$"{UpstreamOptions.ChiliPiperSection}:ApiKey"]),
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
