using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Message templates and their Meta approval.</summary>
internal static class TemplatesEndpoints
{
    public static IEndpointRouteBuilder MapTemplatesEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state) => routes;
}
