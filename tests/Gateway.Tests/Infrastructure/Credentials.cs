using Serverless.Sandbox;

namespace Serverless.Gateway.Tests.Infrastructure;

public static class Credentials
{
    public static Dictionary<string, string> Both => new()
    {
        ["x-api-key"] = SandboxCredentials.PilotStatusNumberKey1,
        ["Authorization"] = "Bearer " + SandboxCredentials.ChiliPiperAdminToken,
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> headers, string name, string value)
    {
        headers[name] = value;
        return headers;
    }
}
