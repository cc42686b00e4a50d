using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Routing rules.</summary>
internal static class RulesEndpoints
{
    public static IEndpointRouteBuilder MapRulesEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state) => routes;
}
