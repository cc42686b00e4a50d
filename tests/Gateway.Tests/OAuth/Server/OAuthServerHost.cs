using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Gateway.Tests.Managed;

namespace Serverless.Gateway.Tests.OAuth.Server;

/// <summary>A managed gateway over the sandbox with its authorization server on and the demo sign-in.</summary>
public static class OAuthServerHost
{
    public static Dictionary<string, string?> Settings()
    {
        var settings = OAuthHost.Settings();
        settings["OAuth:SignIn"] = "Demo";
        settings["Sandbox:Enabled"] = "true";
        return settings;
    }

    public static Task<GatewayHost> StartAsync(UpstreamRecorder recorder, Dictionary<string, string?>? settings = null) =>
        ManagedHost.StartAsync(recorder, settings ?? Settings());
}
