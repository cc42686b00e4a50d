using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Concierge routers, routing, booking and logs.</summary>
internal static class ConciergeEndpoints
{
    public static IEndpointRouteBuilder MapConciergeEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state) => routes;
}
