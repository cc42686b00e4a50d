using Microsoft.Extensions.Configuration;
using Serverless.Sandbox;

namespace Serverless.Server;

internal static class SandboxHost
{
    /// <summary>Starts the twin when chosen and feeds its URLs (and demo keys) into the configuration.</summary>
    public static async Task<SandboxServer?> StartIfChosenAsync(IConfigurationManager configuration, bool forced)
    {
        if (!SandboxSwitch.ShouldUse(configuration, forced))
        {
            return null;
        }

        var (server, settings) = await SandboxSwitch.StartAsync(configuration, CancellationToken.None);
        configuration.AddInMemoryCollection(settings);
        return server;
    }
}
