using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using Serverless.Gateway;
using Serverless.Gateway.Telemetry;

namespace Serverless.Functions;

/// <summary>The function app's services: the gateway's one registration plus what only this host sets.</summary>
public static class FunctionAppServices
{
    /// <param name="exporters">Further telemetry exporters (tests); see <see cref="GatewayTelemetry.AddGatewayTelemetry"/>.</param>
    public static IServiceCollection AddFunctionApp(this IServiceCollection services, IConfiguration configuration, Action<OpenTelemetryBuilder>? exporters = null)
    {
        // The Functions front end sets X-Forwarded-Host itself, so this host trusts it unless configured otherwise.
        services.AddMcpGateway(configuration, gateway => gateway.TrustForwardedHost = true);
        services.AddGatewayTelemetry(configuration, exporters)?.UseFunctionsWorkerDefaults();
        return services;
    }
}
