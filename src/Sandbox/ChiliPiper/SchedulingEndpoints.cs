using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Scheduling links, availability and link booking.</summary>
internal static class SchedulingEndpoints
{
    public static IEndpointRouteBuilder MapSchedulingEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state) => routes;
}
