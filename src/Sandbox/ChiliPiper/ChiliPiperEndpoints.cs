using Microsoft.AspNetCore.Builder;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Entry point of the Chili Piper Edge twin; each API area maps itself from its own file.</summary>
internal static class ChiliPiperEndpoints
{
    public static IEndpointRouteBuilder MapChiliPiper(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapOrganizationEndpoints(state);
        routes.MapUserEndpoints(state);
        routes.MapWorkspacesEndpoints(state);
        routes.MapTeamsEndpoints(state);
        routes.MapDistributionsEndpoints(state);
        routes.MapRulesEndpoints(state);
        routes.MapMeetingsEndpoints(state);
        routes.MapCrmEndpoints(state);
        routes.MapDistroEndpoints(state);
        routes.MapSchedulingEndpoints(state);
        routes.MapHandoffEndpoints(state);
        routes.MapConciergeEndpoints(state);

        // Catch-all has the lowest route precedence, so it only answers paths (or methods) no area claims.
        routes.Map("/{**path}", http => ChiliPiperErrors
            .Json(StatusCodes.Status404NotFound, "NotFound", $"No operation matches {http.Request.Method} /{http.Request.RouteValues["path"]}")
            .ExecuteAsync(http));
        return routes;
    }
}
