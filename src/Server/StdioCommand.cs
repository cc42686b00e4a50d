using Microsoft.Extensions.Hosting;
using Serverless.Gateway;
using Serverless.Gateway.Telemetry;
using Serverless.Sandbox;

namespace Serverless.Server;

/// <summary>
/// MCP over stdin/stdout for clients that launch a local process; credentials come from configuration: the
/// vendor keys (pass-through), or in managed mode a client key and the secrets the gateway holds.
/// </summary>
internal static class StdioCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var builder = Host.CreateApplicationBuilder(commandLine.HostArgs);
        Logging.UseDefaultLevels(builder.Configuration);
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

        if (!builder.Services.TryAddMcpGatewayOverStdio(builder.Configuration, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        builder.Services.AddGatewayTelemetry(builder.Configuration);

        using var host = builder.Build();
        await host.RunAsync();
        return 0;
    }
}
