using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Server;
using Serverless.Gateway;
using Serverless.Sandbox;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Secrets;
using Serverless.Gateway.Selection;
using Serverless.Gateway.Telemetry;
using Serverless.Tools;
using Serverless.Tools.Catalog;
using Serverless.Tools.Upstreams;

namespace Serverless.Server;

/// <summary>
/// MCP over stdin/stdout for clients that launch a local process; credentials come from configuration: the
/// vendor keys (pass-through), or in managed mode a client key and the secrets the gateway holds.
/// </summary>
internal static class StdioCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var builder = Host.CreateApplicationBuilder(commandLine.ConfigurationArgs);
        Logging.ToStandardError(builder.Logging);
        // Read before the switch, which records that the sandbox is on whatever chose it.
        var asked = commandLine.Sandbox || string.Equals(builder.Configuration["Sandbox:Enabled"], "true", StringComparison.OrdinalIgnoreCase);
        await using var sandbox = await SandboxSwitch.StartIfChosenAsync(builder.Configuration, commandLine.Sandbox);
        if (sandbox is not null)
        {
            // stdout is the protocol; a desktop client shows stderr, where the user learns nothing real is touched.
            await Console.Error.WriteLineAsync(asked
                ? "serverless-mcp-gateway: using the sandbox (the offline twin of Pilot Status and Chili Piper), as asked."
                : "serverless-mcp-gateway: no upstream key is configured, so this is the sandbox (the offline twin of Pilot Status and Chili Piper); set PilotStatus__ApiKey and/or ChiliPiper__ApiKey for the real APIs.");
        }

        var configuration = builder.Configuration;
        var catalog = ToolCatalog.CreateDefault();
        var (selection, selectionError) = ToolSelectionParser.Parse(catalog, null, false,
            configuration["Selection:Toolsets"], configuration["Selection:Tools"], configuration["Selection:ExcludeTools"], configuration["Selection:ReadOnly"]);
        if (selection is null)
        {
            await Console.Error.WriteLineAsync(selectionError);
            return 2;
        }

        IReadOnlyList<ToolEntry> tools;
        if (string.Equals(configuration["Credentials:Mode"], nameof(CredentialsMode.Managed), StringComparison.OrdinalIgnoreCase))
        {
            // Managed over stdio: the process acts as one configured client, named by its key, within that client's grant.
            var clients = new ClientRegistry();
            clients.Load(configuration.GetSection(ClientOptions.Section));
            if (clients.Authenticate(NonEmpty(configuration["Credentials:ClientKey"])) is not { } identity)
            {
                await Console.Error.WriteLineAsync("Managed credentials: set Credentials__ClientKey to the key of a configured client (Clients__<id>__KeySha256).");
                return 2;
            }

            var number = NonEmpty(configuration[$"{UpstreamOptions.PilotStatusSection}:WhatsAppNumberId"]);
            builder.Services.AddScoped(_ => new CurrentCaller { Identity = identity, NumberHeader = number });
            builder.Services.AddScoped(_ => new CallerCredentials());
            builder.Services.AddGatewayTools(configuration);
            builder.Services.AddManagedCredentials(configuration);
            tools = selection.Apply(catalog, _ => true).Where(e => identity.Grant.Excludes(e) is null).ToArray();
        }
        else
        {
            builder.Services.AddScoped(_ => CredentialsFrom(configuration));
            builder.Services.AddGatewayTools(configuration);
            var credentials = CredentialsFrom(configuration);
            if (!credentials.HasAny)
            {
                await Console.Error.WriteLineAsync("No upstream credential: set PilotStatus__ApiKey and/or ChiliPiper__ApiKey, or pass --sandbox.");
                return 2;
            }

            tools = selection.Apply(catalog, credentials.Has);
        }

        builder.Services.AddBookingLedger(configuration);
        builder.Services.AddGatewayTelemetry(configuration);
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
