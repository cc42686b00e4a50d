using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Distro routers and scheduled-trigger runs.</summary>
internal static class DistroEndpoints
{
    public static IEndpointRouteBuilder MapDistroEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state) => routes;
}
