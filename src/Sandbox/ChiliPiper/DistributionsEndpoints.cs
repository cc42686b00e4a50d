namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Round-robin distributions: list, create, replace (v3), adjust by deltas (v3) and delete.</summary>
internal static class DistributionsEndpoints
{
    private static readonly string[] AssignmentTypes = ["Record", "Meeting", "Conversation"];

    public static IEndpointRouteBuilder MapDistributionsEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Put, "/v2/org/distribution/list", ChiliPiperOperations.DistributionListPut, state, List);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/distribution", ChiliPiperOperations.DistributionCreate, state, Create);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v3/org/distribution/{distributionId}", ChiliPiperOperations.DistributionUpdateV3, state, Update);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v3/org/distribution/{distributionId}/adjust", ChiliPiperOperations.DistributionAdjustV3, state, Adjust);
        routes.MapChiliPiperOperation(HttpMethods.Delete, "/v1/org/distribution/{distributionId}", ChiliPiperOperations.DistributionDelete, state, Delete);
        return routes;
    }

    private static IResult List(ChiliPiperCall call, JsonBody body)
    {
        if (!body.IsObject
            || !AdminRequests.TryIds(body.Root, "workspaceIds", required: false, out var workspaceIds)
            || !JsonFields.TryGetString(body.Root, "name", out var name)
            || !JsonFields.TryGetString(body.Root, "assignmentType", out var assignmentType)
            || (assignmentType is not null && !AssignmentTypes.Contains(assignmentType))
            || !AdminPaging.TryFromBody(body.Root, AdminPaging.LargeDefault, AdminPaging.LargeMaximum, out var page))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        // A nameless distribution is a legacy one, which the list never shows.
        var matches = call.State.DistributionList
            .Where(d => !string.IsNullOrEmpty(d.Name))
            .Where(d => workspaceIds.Count == 0 || workspaceIds.Contains(d.WorkspaceId))
            .Where(d => string.IsNullOrEmpty(name) || d.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .Where(d => assignmentType is null || d.AssignmentType == assignmentType)
            .ToArray();
        return SandboxJson.Result(
            AdminJson.Page(page.Slice(matches).Select(d => DistributionView.From(d, call.State)), matches.Length, page));
    }

    private static IResult Create(ChiliPiperCall call, JsonBody body)
    {
        if (!DistributionConfigRequest.TryParse(body, out var request)
            || string.IsNullOrWhiteSpace(request!.TeamId) || string.IsNullOrWhiteSpace(request.WorkspaceId) || request.Name is null)
        {
            return ChiliPiperErrors.InvalidBody();
        }

        if (call.State.FindWorkspace(request.WorkspaceId) is null)
        {
            return ChiliPiperErrors.WorkspaceNotFound(request.WorkspaceId);
        }

        if (CheckTeam(call.State, request.TeamId, request.WorkspaceId) is { } teamProblem)
        {
            return teamProblem;
        }

        var distribution = new Distribution
        {
            Id = SandboxIds.NewUuid(),
            WorkspaceId = request.WorkspaceId,
            TeamId = request.TeamId,
            Name = request.Name,
            AssignmentType = request.AssignmentType,
            CreatedAt = call.Now,
            UpdatedAt = call.Now,
            CreatedBy = AdminJson.Caller(call),
            UpdatedBy = AdminJson.Caller(call),
        };
        request.ApplyTo(distribution);
        Refresh(call, distribution);
        call.State.DistributionList.Add(distribution);
        return SandboxJson.Result(new JsonObject { ["distributionId"] = distribution.Id });
    }

    private static IResult Update(ChiliPiperCall call, JsonBody body)
    {
        if (Find(call, out var distribution) is { } missing)
        {
            return missing;
        }

        if (!DistributionConfigRequest.TryParse(body, out var request))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        if (request!.WorkspaceId is { } workspaceId && workspaceId != distribution!.WorkspaceId)
        {
            return ChiliPiperErrors.Json(StatusCodes.Status422UnprocessableEntity, "WorkspaceMismatch",
                $"Distribution {distribution.Id} belongs to workspace {distribution.WorkspaceId}");
        }

        if (request.TeamId is not null && CheckTeam(call.State, request.TeamId, distribution!.WorkspaceId) is { } teamProblem)
        {
            return teamProblem;
        }

        request.ApplyTo(distribution!);
        Publish(call, distribution!);
        return SandboxJson.Result(DistributionView.From(distribution!, call.State));
    }

    private static IResult Adjust(ChiliPiperCall call, JsonBody body)
    {
        if (Find(call, out var distribution) is { } missing)
        {
            return missing;
        }

        if (!DistributionAdjustRequest.TryParse(body, out var request))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        // Check every resulting weight first, so a refused adjustment changes nothing.
        foreach (var (userId, delta) in request!.Weights)
        {
            var result = (long)distribution!.WeightOf(userId) + delta;
            if (result is < 0 or > DistributionConfigRequest.MaxWeight)
            {
                return ChiliPiperErrors.Json(StatusCodes.Status422UnprocessableEntity, "WeightOutOfRange",
                    $"Weight of user {userId} would become {result}; weights must stay between 0 and {DistributionConfigRequest.MaxWeight}");
            }
        }

        foreach (var (userId, delta) in request.Weights)
        {
            distribution!.Weights[userId] = distribution.WeightOf(userId) + delta;
            distribution.StateOf(userId);
        }

        foreach (var (userId, delta) in request.Calibration)
        {
            distribution!.Calibration[userId] = distribution.Calibration.GetValueOrDefault(userId) + delta;
            distribution.StateOf(userId);
        }

        Publish(call, distribution!);
        return SandboxJson.Result(DistributionView.From(distribution!, call.State));
    }

    private static IResult Delete(ChiliPiperCall call)
    {
        if (Find(call, out var distribution) is { } missing)
        {
            return missing;
        }

        call.State.DistributionList.Remove(distribution!);
        return Results.Ok();
    }

    private static IResult? Find(ChiliPiperCall call, out Distribution? distribution)
    {
        var id = call.Route("distributionId") ?? string.Empty;
        distribution = call.State.FindDistribution(id);
        return distribution is null
            ? ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "DistributionNotFound", $"Distribution {id} not found")
            : null;
    }

    private static IResult? CheckTeam(ChiliPiperState state, string teamId, string workspaceId)
    {
        var team = state.FindTeam(teamId);
        if (team is null)
        {
            return TeamsEndpoints.TeamNotFound(teamId);
        }

        return team.WorkspaceId == workspaceId
            ? null
            : ChiliPiperErrors.Json(StatusCodes.Status422UnprocessableEntity, "TeamNotInWorkspace",
                $"Team {teamId} belongs to workspace {team.WorkspaceId}, not {workspaceId}");
    }

    private static void Publish(ChiliPiperCall call, Distribution distribution)
    {
        distribution.Revision++;
        distribution.UpdatedAt = call.Now;
        distribution.UpdatedBy = AdminJson.Caller(call);
        Refresh(call, distribution);
    }

    /// <summary>
    /// Brings member states in line with the configuration: every team member and weighted user has a state, weight 0
    /// disables, a reached cap caps. Removed and unlicensed users keep their state.
    /// </summary>
    private static void Refresh(ChiliPiperCall call, Distribution distribution)
    {
        var members = call.State.FindTeam(distribution.TeamId)?.Members ?? [];
        foreach (var userId in members.Concat(distribution.Weights.Keys))
        {
            distribution.StateOf(userId);
        }

        foreach (var state in distribution.UserStates.Values.Where(s => s.Type is "Active" or "Disabled" or "Capped"))
        {
            var type = distribution.WeightOf(state.UserId) == 0 ? "Disabled"
                : distribution.Caps.TryGetValue(state.UserId, out var cap) && state.Assigned >= cap ? "Capped"
                : "Active";
            if (type != state.Type)
            {
                state.Type = type;
                state.ChangedAt = type == "Active" ? null : call.Now;
            }
        }
    }
}
