using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Groups, participants, invites and pins; and channels (newsletters).</summary>
internal static class GroupsEndpoints
{
    public static IEndpointRouteBuilder MapGroupsEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state) => routes;
}
