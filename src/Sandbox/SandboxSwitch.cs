using Microsoft.Extensions.Configuration;

namespace Serverless.Sandbox;

/// <summary>
/// Decides whether this process talks to the sandbox twin, and if so starts it and points both base URLs
/// at it over HTTP, exactly as the gateway reaches the real APIs. Shared by the hosts that offer the sandbox.
/// </summary>
public static class SandboxSwitch
{
    public const string EnabledKey = "Sandbox:Enabled";
    public const string SingleUserKey = "Sandbox:SingleUser";

    // The gateway's upstream sections (PilotStatus__*, ChiliPiper__*); the twin is reached only through them.
    private const string PilotStatusSection = "PilotStatus";
    private const string ChiliPiperSection = "ChiliPiper";

    /// <summary>Starts the twin when chosen and feeds its URLs (and demo keys) into the configuration.</summary>
    /// <param name="forced">A command-line switch asked for it.</param>
    /// <param name="fallback">
    /// Whether an unconfigured process falls back to the sandbox. A deployed function app never does: there
    /// the credentials may come from Key Vault, so only Sandbox__Enabled=true chooses the twin.
    /// </param>
    public static async Task<SandboxServer?> StartIfChosenAsync(IConfigurationManager configuration, bool forced = false, bool fallback = true)
    {
        var chosen = fallback
            ? ShouldUse(configuration, forced)
            : forced || (bool.TryParse(configuration[EnabledKey], out var enabled) && enabled);
        if (!chosen)
        {
            return null;
        }

        var (server, settings) = await StartAsync(configuration, CancellationToken.None);
        configuration.AddInMemoryCollection(settings);
        return server;
    }

    /// <summary>
    /// Sandbox__Enabled wins; unset, the sandbox is used only when nothing points at a real upstream. Managed
    /// credentials count as pointing there: such a deployment holds real keys and must never fall back to the twin.
    /// </summary>
    public static bool ShouldUse(IConfiguration configuration, bool forced)
    {
        if (forced)
        {
            return true;
        }

        var enabled = configuration[EnabledKey];
        if (!string.IsNullOrWhiteSpace(enabled))
        {
            return bool.TryParse(enabled, out var value) ? value
                : throw new InvalidOperationException($"Sandbox__Enabled must be true or false; got '{enabled}'.");
        }

        string[] keys =
        [
            $"{PilotStatusSection}:ApiKey", $"{ChiliPiperSection}:ApiKey",
            $"{PilotStatusSection}:BaseUrl", $"{ChiliPiperSection}:BaseUrl",
        ];
        var managed = string.Equals(configuration["Credentials:Mode"], "Managed", StringComparison.OrdinalIgnoreCase);
        return !managed && keys.All(k => string.IsNullOrWhiteSpace(configuration[k]));
    }

    /// <summary>Starts the twin and returns the settings that route the gateway to it.</summary>
    public static async Task<(SandboxServer Server, Dictionary<string, string?> Settings)> StartAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (bool.TryParse(configuration[EnabledKey], out var enabled) && !enabled)
        {
            throw new InvalidOperationException("--sandbox contradicts Sandbox__Enabled=false.");
        }

        var sandbox = await SandboxServer.StartAsync(cancellationToken: cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            [$"{PilotStatusSection}:BaseUrl"] = sandbox.PilotStatusBaseUrl,
            [$"{ChiliPiperSection}:BaseUrl"] = sandbox.ChiliPiperBaseUrl,
        };

        // Whatever chose the twin, the rest of the process can tell it is on (the demo sign-in needs it).
        settings[EnabledKey] = "true";

        // Single-user by default, so a first-time user's client needs no headers; Sandbox__SingleUser=false
        // makes the sandbox server behave like a shared pass-through deployment instead.
        var singleUser = !bool.TryParse(configuration[SingleUserKey], out var s) || s;
        if (bool.TryParse(configuration["OAuth:Enabled"], out var oauth) && oauth)
        {
            // OAuth against the twin: the gateway holds the sandbox tenant's keys (managed credentials) and users
            // sign in to grant clients part of them, as a deployment with real keys in Key Vault works.
            settings["Credentials:Mode"] = "Managed";
            settings["Secrets:pilotstatus-tenant-key"] = SandboxCredentials.PilotStatusTenantKey;
            settings["Secrets:chilipiper-api-key"] = SandboxCredentials.ChiliPiperAdminToken;
            settings[$"{PilotStatusSection}:ApiKey"] = "";
            settings[$"{ChiliPiperSection}:ApiKey"] = "";
        }
        else if (singleUser)
        {
            // Real keys from the environment are never sent to the twin: the demo ones replace them.
            settings[$"{PilotStatusSection}:ApiKey"] = SandboxCredentials.PilotStatusNumberKey1;
            settings[$"{ChiliPiperSection}:ApiKey"] = SandboxCredentials.ChiliPiperAdminToken;
        }
        else
        {
            settings[$"{PilotStatusSection}:ApiKey"] = "";
            settings[$"{ChiliPiperSection}:ApiKey"] = "";
        }

        return (sandbox, settings);
    }
}
