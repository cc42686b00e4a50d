namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Workspaces and their members. Membership lives on the user (<see cref="ChiliPiperUser.Workspaces"/>).</summary>
internal static class WorkspacesEndpoints
{
    public static IEndpointRouteBuilder MapWorkspacesEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/workspace", ChiliPiperOperations.WorkspaceList, state, List);
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/workspace/users", ChiliPiperOperations.WorkspaceListUsers, state, ListUsers);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/workspace/users/add", ChiliPiperOperations.WorkspaceAddUsers, state, AddUsers);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/workspace/users/remove", ChiliPiperOperations.WorkspaceRemoveUsers, state, RemoveUsers);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/workspace/users/remove-from-all", ChiliPiperOperations.WorkspaceRemoveUsersAll, state, RemoveFromAll);
        return routes;
    }

    private static IResult List(ChiliPiperCall call)
    {
        if (ChiliPiperPage.Parse(call.Query, out var page) is { } invalid)
        {
            return invalid;
        }

        var users = call.State.UserList;
        var workspaces = call.State.WorkspaceList;
        var items = page.Slice(workspaces)
            .Select(w => new WorkspaceView(w.Id, w.Name, w.Emoji, w.Logo,
                new SimpleMetadata(w.CreatedAt, w.CreatedBy, w.UpdatedAt, w.UpdatedBy, w.Revision),
                users.Count(u => u.Workspaces.Contains(w.Id))))
            .ToArray();
        return SandboxJson.Result(new AdminPage<WorkspaceView>(items, workspaces.Count, page.Page, page.PageSize));
    }

    private static IResult ListUsers(ChiliPiperCall call)
    {
        if (ChiliPiperPage.Parse(call.Query, out var page) is { } invalid)
        {
            return invalid;
        }

        var workspaceId = call.Query.TryGetValue("workspaceId", out var raw) ? raw.ToString() : null;
        if (workspaceId is not null && call.State.FindWorkspace(workspaceId) is null)
        {
            return ChiliPiperErrors.WorkspaceNotFound(workspaceId);
        }

        var users = call.State.UserList.Where(u => workspaceId is null || u.Workspaces.Contains(workspaceId)).ToArray();
        return SandboxJson.Result(
            new UserPage(page.Slice(users).Select(UserResponse.From).ToArray(), users.Length, page.Page, page.PageSize));
    }

    private static IResult AddUsers(ChiliPiperCall call, JsonBody body)
        => Change(call, body, (user, workspaceId) =>
        {
            if (!user.Workspaces.Contains(workspaceId))
            {
                user.Workspaces.Add(workspaceId);
            }
        });

    private static IResult RemoveUsers(ChiliPiperCall call, JsonBody body)
        => Change(call, body, (user, workspaceId) => user.Workspaces.Remove(workspaceId));

    private static IResult Change(ChiliPiperCall call, JsonBody body, Action<ChiliPiperUser, string> apply)
    {
        if (!body.IsObject
            || !JsonFields.TryGetString(body.Root, "workspaceId", out var workspaceId) || string.IsNullOrWhiteSpace(workspaceId)
            || !AdminRequests.TryUserIds(body.Root, out var userIds))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        if (call.State.FindWorkspace(workspaceId) is null)
        {
            return ChiliPiperErrors.WorkspaceNotFound(workspaceId);
        }

        if (AdminRequests.ResolveUsers(call.State, userIds, out var users) is { } unknown)
        {
            return unknown;
        }

        foreach (var user in users)
        {
            apply(user, workspaceId);
        }

        return Results.Ok();
    }

    private static IResult RemoveFromAll(ChiliPiperCall call, JsonBody body)
    {
        if (!body.IsObject || !AdminRequests.TryUserIds(body.Root, out var userIds))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        if (AdminRequests.ResolveUsers(call.State, userIds, out var users) is { } unknown)
        {
            return unknown;
        }

        foreach (var user in users)
        {
            user.Workspaces.Clear();
        }

        return SandboxJson.Result(new System.Text.Json.Nodes.JsonObject());
    }
}
