using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Handoff routing and booking.</summary>
internal static class HandoffEndpoints
{
    public static IEndpointRouteBuilder MapHandoffEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state) => routes;
}
