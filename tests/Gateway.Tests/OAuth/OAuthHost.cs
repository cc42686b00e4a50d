using Microsoft.Extensions.DependencyInjection;
using Serverless.Gateway.Callers;
using Serverless.Gateway.OAuth;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Gateway.Tests.Managed;

namespace Serverless.Gateway.Tests.OAuth;

/// <summary>A managed gateway with OAuth enabled, its signing keys in a fresh file, and tokens minted with its own keys.</summary>
public static class OAuthHost
{
    public static Dictionary<string, string?> Settings()
    {
        var settings = ManagedHost.Settings();
        settings["OAuth:Enabled"] = "true";
        settings["OAuth:SigningKeyFile"] = Path.Combine(Path.GetTempPath(), "oauth-test-" + Guid.NewGuid().ToString("N"), "keys.json");
        return settings;
    }

    /// <summary>Number 2 of the sandbox and read-only Chili Piper: the narrow grant the tests hold tokens to.</summary>
    public static ClientOptions NumberTwoReadChiliPiper => new() { Numbers = SandboxSeedIds.Number2, ChiliPiper = "read" };

    public static ResourceUrls Urls(this GatewayHost host) => new(host.BaseAddress.GetLeftPart(UriPartial.Authority));

    /// <summary>A token from the host's own keys, as its authorization server would issue it.</summary>
    public static Task<string> TokenAsync(this GatewayHost host, ClientOptions grant, ResourceUrls? urls = null, TimeProvider? time = null, TimeSpan? lifetime = null) =>
        new AccessTokens(host.Services.GetRequiredService<SigningKeyProvider>(), time ?? TimeProvider.System)
            .IssueAsync(urls ?? host.Urls(), "user-1", "client-1", grant, lifetime ?? TimeSpan.FromMinutes(5));
}
