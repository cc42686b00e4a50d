namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Teams and their members; membership changes ripple into the team's distributions.</summary>
internal static class TeamsEndpoints
{
    public static IEndpointRouteBuilder MapTeamsEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Put, "/v2/org/team", ChiliPiperOperations.TeamListPut, state, List);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/team/users/add", ChiliPiperOperations.TeamAddUsers, state, AddUsers);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/team/users/remove", ChiliPiperOperations.TeamRemoveUsers, state, RemoveUsers);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/team/users/remove-from-all", ChiliPiperOperations.TeamRemoveUsersAll, state, RemoveFromAll);
        return routes;
    }

    private static IResult List(ChiliPiperCall call, JsonBody body)
    {
        // The body is required, but every member of it is optional: {} lists every team.
        if (!body.IsObject
            || !AdminRequests.TryIds(body.Root, "workspaceIds", required: false, out var workspaceIds)
            || !AdminRequests.TryIds(body.Root, "member", required: false, out var members)
            || !JsonFields.TryGetString(body.Root, "name", out var name)
            || !AdminPaging.TryFromBody(body.Root, ChiliPiperPage.DefaultPageSize, AdminPaging.LargeMaximum, out var page))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        var teams = call.State.TeamList
            .Where(t => workspaceIds.Count == 0 || workspaceIds.Contains(t.WorkspaceId))
            .Where(t => string.IsNullOrEmpty(name) || t.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .Where(t => members.All(t.Members.Contains))
            .ToArray();
        return SandboxJson.Result(
            new AdminPage<TeamView>(page.Slice(teams).Select(TeamView.From).ToArray(), teams.Length, page.Page, page.PageSize));
    }

    private static IResult AddUsers(ChiliPiperCall call, JsonBody body)
        => Change(call, body, (team, userIds) =>
        {
            var added = userIds.Where(id => !team.Members.Contains(id)).ToArray();
            team.Members.AddRange(added);
            call.State.Admin.JoinTeamDistributions(team, added);
            return added.Length > 0;
        });

    private static IResult RemoveUsers(ChiliPiperCall call, JsonBody body)
        => Change(call, body, (team, userIds) =>
        {
            var removed = userIds.Where(team.Members.Contains).ToArray();
            team.Members.RemoveAll(id => removed.Contains(id));
            call.State.Admin.LeaveTeamDistributions(team, removed, call.Now);
            return removed.Length > 0;
        });

    /// <summary>Validates, applies and answers with the updated team; a change that alters nothing keeps the revision.</summary>
    private static IResult Change(ChiliPiperCall call, JsonBody body, Func<Team, IReadOnlyList<string>, bool> apply)
    {
        if (!body.IsObject
            || !JsonFields.TryGetString(body.Root, "teamId", out var teamId) || string.IsNullOrWhiteSpace(teamId)
            || !AdminRequests.TryUserIds(body.Root, out var userIds))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        if (call.State.FindTeam(teamId) is not { } team)
        {
            return TeamNotFound(teamId);
        }

        if (AdminRequests.ResolveUsers(call.State, userIds, out _) is { } unknown)
        {
            return unknown;
        }

        if (apply(team, userIds))
        {
            Touch(call, team);
        }

        return SandboxJson.Result(TeamView.From(team));
    }

    private static IResult RemoveFromAll(ChiliPiperCall call, JsonBody body)
    {
        if (!body.IsObject
            || !AdminRequests.TryUserIds(body.Root, out var userIds)
            || !AdminRequests.TryIds(body.Root, "workspaceIds", required: false, out var workspaceIds))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        if (AdminRequests.ResolveUsers(call.State, userIds, out _) is { } unknown)
        {
            return unknown;
        }

        foreach (var team in call.State.TeamList.Where(t => workspaceIds.Count == 0 || workspaceIds.Contains(t.WorkspaceId)))
        {
            var removed = userIds.Where(team.Members.Contains).ToArray();
            if (removed.Length > 0)
            {
                team.Members.RemoveAll(id => removed.Contains(id));
                call.State.Admin.LeaveTeamDistributions(team, removed, call.Now);
                Touch(call, team);
            }
        }

        return SandboxJson.Result(new JsonObject());
    }

    private static void Touch(ChiliPiperCall call, Team team)
    {
        team.Revision++;
        team.UpdatedAt = call.Now;
        team.UpdatedBy = AdminJson.Caller(call);
    }

    internal static IResult TeamNotFound(string teamId)
        => ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "TeamNotFound", $"Team {teamId} not found");
}
