using Microsoft.AspNetCore.Builder;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Entry point of the Pilot Status twin; each API area maps itself from its own file.</summary>
internal static class PilotStatusEndpoints
{
    public static IEndpointRouteBuilder MapPilotStatus(this IEndpointRouteBuilder routes, PilotStatusState state)
    {
        routes.MapMessagingEndpoints(state);
        routes.MapConversationEndpoints(state);
        routes.MapWebhooksEndpoints(state);
        routes.MapGroupsEndpoints(state);
        routes.MapNumbersEndpoints(state);
        routes.MapTemplatesEndpoints(state);
        routes.MapCallsEndpoints(state);
        routes.MapAccountEndpoints(state);

        // Catch-all has the lowest route precedence, so it only answers paths (or methods) no area claims.
        routes.Map("/{**path}", http => PilotStatusErrors
            .NotFound(PilotStatusErrorCodes.NotFound, $"Route {http.Request.Method} /{http.Request.RouteValues["path"]} not found.")
            .ExecuteAsync(http));
        return routes;
    }
}
