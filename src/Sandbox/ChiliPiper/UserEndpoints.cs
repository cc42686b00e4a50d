namespace Serverless.Sandbox.ChiliPiper;

/// <summary>User directory, invitation and licence endpoints.</summary>
internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/user/find", ChiliPiperOperations.UserFind, state, Find);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/user/find-by-filter", ChiliPiperOperations.UserFindByFilter, state, FindByFilter);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/user/find-by-id", ChiliPiperOperations.UserFindByIds, state, FindByIds);
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/user/read/{userId}", ChiliPiperOperations.UserRead, state, Read);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/user/invite", ChiliPiperOperations.UserInvite, state, Invite);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/user/licenses", ChiliPiperOperations.UserUpdateLicenses, state, UpdateLicenses);
        return routes;
    }

    private static IResult Find(ChiliPiperCall call)
    {
        if (!call.Query.TryGetValue("query", out var rawQuery))
        {
            return ChiliPiperErrors.InvalidQuery("query");
        }

        if (ChiliPiperPage.Parse(call.Query, out var page) is { } invalid)
        {
            return invalid;
        }

        var text = rawQuery.ToString().Trim();
        var matches = call.State.UserList
            .Where(u => u.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || u.Email.Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return Page(matches, page);
    }

    private static IResult FindByFilter(ChiliPiperCall call, JsonBody body)
    {
        if (ChiliPiperPage.Parse(call.Query, out var page) is { } invalid)
        {
            return invalid;
        }

        if (!UserFilter.TryParse(body, out var filter))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        return Page(call.State.UserList.Where(filter!.Matches).ToArray(), page);
    }

    private static IResult FindByIds(ChiliPiperCall call, JsonBody body)
    {
        if (ChiliPiperPage.Parse(call.Query, out var page) is { } invalid)
        {
            return invalid;
        }

        // The body is optional and, when present, a bare array (not an object wrapping one).
        IReadOnlyList<string>? ids = [];
        if (body.Kind != JsonBodyKind.Empty && !(body.IsArray && JsonFields.TryReadStringArray(body.Root, out ids)))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        var users = ids!.Distinct(StringComparer.Ordinal)
            .Select(call.State.FindUser)
            .OfType<ChiliPiperUser>()
            .ToArray();
        return Page(users, page);
    }

    private static IResult Read(ChiliPiperCall call)
    {
        var userId = call.Route("userId") ?? string.Empty;
        var user = call.State.FindUser(userId);
        return user is null ? ChiliPiperErrors.UserNotFound(userId) : SandboxJson.Result(UserResponse.From(user));
    }

    private static IResult Invite(ChiliPiperCall call, JsonBody body)
    {
        if (!InviteRequest.TryParse(body, out var request))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        var state = call.State;
        if (state.FindUserByEmail(request!.Email) is not null)
        {
            return ChiliPiperErrors.Json(StatusCodes.Status409Conflict, "UserAlreadyExists", $"User with email {request.Email} already exists");
        }

        if (request.Workspaces.FirstOrDefault(id => state.FindWorkspace(id) is null) is { } unknownWorkspace)
        {
            return ChiliPiperErrors.WorkspaceNotFound(unknownWorkspace);
        }

        var name = request.Name ?? request.Email.Split('@')[0];
        var user = new ChiliPiperUser
        {
            Id = SandboxIds.NewUuid(),
            Name = name,
            Email = request.Email,
            Licenses = UserLicenses.FromNames(request.Licenses),
            Slug = state.UniqueSlug(name),
            TimeZone = "UTC",
            WorkingHours = ChiliPiperSeed.WeeklyHours(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "09:00", "17:00"),
            Salesforce = request.SalesforceId is null ? null : new SalesforceLink(request.Email, request.SalesforceId),
            CreatedAt = call.Now,
            InvitedAt = call.Now,
            InviteEmailSent = request.SendInvite,
        };
        user.Workspaces.AddRange(request.Workspaces);
        user.Roles.AddRange(request.Roles);
        state.UserList.Add(user);

        return SandboxJson.Result(UserResponse.From(user));
    }

    private static IResult UpdateLicenses(ChiliPiperCall call, JsonBody body)
    {
        if (!LicenseUpdateRequest.TryParse(body, out var updates))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        // Validate every user first so a bad id leaves no partial update behind.
        var resolved = new List<(ChiliPiperUser User, UserLicenses Licenses)>();
        foreach (var (userId, licenses) in updates!)
        {
            var user = call.State.FindUser(userId);
            if (user is null)
            {
                return ChiliPiperErrors.UserNotFound(userId);
            }

            resolved.Add((user, licenses));
        }

        foreach (var (user, licenses) in resolved)
        {
            user.Licenses = licenses;
        }

        return Results.Ok();
    }

    private static IResult Page(IReadOnlyList<ChiliPiperUser> users, ChiliPiperPage page)
        => SandboxJson.Result(
            new UserPage(page.Slice(users).Select(UserResponse.From).ToArray(), users.Count, page.Page, page.PageSize));
}
