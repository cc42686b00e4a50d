using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Voice calls, calling settings and call permissions.</summary>
internal static class CallsEndpoints
{
    public static IEndpointRouteBuilder MapCallsEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state) => routes;
}
