namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Distro routers and scheduled-trigger runs.</summary>
internal static class DistroEndpoints
{
    public static IEndpointRouteBuilder MapDistroEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/distro/routers/list", ChiliPiperOperations.DistroListRouters, state, ListRouters);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/resource-scheduler/{resourceSchedulerId}/run", ChiliPiperOperations.ResourceSchedulerRun, state, Run);
        return routes;
    }

    private static IResult ListRouters(ChiliPiperCall call)
        => SandboxJson.Result(new DistroRouterList(call.State.Meetings.DistroRouterList.Select(DistroRouterView.From).ToArray()));

    private static IResult Run(ChiliPiperCall call)
    {
        var schedulerId = call.Route("resourceSchedulerId") ?? string.Empty;
        if (!Guid.TryParse(schedulerId, out _))
        {
            return MeetingsEndpoints.InvalidPath("resourceSchedulerId");
        }

        var router = call.State.Meetings.FindRouterBySchedulerId(schedulerId);
        if (router is null)
        {
            return ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "ResourceSchedulerNotFound", $"Resource scheduler {schedulerId} not found");
        }

        var run = call.State.Meetings.RunScheduler(router, schedulerId);
        return SandboxJson.Result(new ResourceSchedulerRunView(run.RunId, run.ResourceSchedulerId, run.RouterId, run.StartedAt));
    }
}
