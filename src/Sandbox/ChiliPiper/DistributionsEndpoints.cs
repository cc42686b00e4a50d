using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Round-robin distributions.</summary>
internal static class DistributionsEndpoints
{
    public static IEndpointRouteBuilder MapDistributionsEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state) => routes;
}
