using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using Serverless.Functions.Booking;
using Serverless.Gateway;
using Serverless.Gateway.Telemetry;
using Serverless.Tools.Catalog;

namespace Serverless.Functions;

/// <summary>The function app's services: the gateway's one registration plus what only this host sets.</summary>
public static class FunctionAppServices
{
    /// <param name="exporters">Further telemetry exporters (tests); see <see cref="GatewayTelemetry.AddGatewayTelemetry"/>.</param>
    public static IServiceCollection AddFunctionApp(this IServiceCollection services, IConfiguration configuration, Action<OpenTelemetryBuilder>? exporters = null)
    {
        // Registered before the gateway, whose own registration then keeps this host's store.
        services.AddFunctionsBookingStore(configuration);
        // The Functions front end sets X-Forwarded-Host itself, so this host trusts it unless configured otherwise.
        services.AddMcpGateway(configuration, gateway => gateway.TrustForwardedHost = true);
        services.PostConfigure<GatewayOptions>(o => o.DisabledToolsets = [.. o.DisabledToolsets.Union(DisabledAreas(configuration))]);
        services.AddGatewayTelemetry(configuration, exporters)?.UseFunctionsWorkerDefaults();
        return services;
    }

    /// <summary>
    /// Areas whose function the platform setting AzureWebJobs.&lt;area&gt;.Disabled switches off. The host then
    /// stops routing to that function; the gateway also drops the area from the mcp function's routes.
    /// </summary>
    public static IEnumerable<string> DisabledAreas(IConfiguration configuration) =>
        Toolsets.All.Keys.Where(area => IsDisabled(configuration, area));

    /// <summary>The platform's switch for one function.</summary>
    public static bool IsDisabled(IConfiguration configuration, string functionName) =>
        bool.TryParse(configuration[$"AzureWebJobs.{functionName}.Disabled"], out var disabled) && disabled;
}
