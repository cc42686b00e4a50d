namespace Serverless.Tools.ChiliPiper;

/// <summary>Chili Piper users: finding, reading, inviting and licensing them.</summary>
[McpServerToolType]
[Toolset(Toolsets.Users)]
public sealed class UserTools(UsersClient client)
{
    [McpServerTool(Name = "user-find", Title = "Find users", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Find users whose name or email contains the query (partial, case-insensitive). Returns {results, total, page, pageSize}; each user has id, name, email, licences and workspaces.")]
    public Task<CallToolResult> FindUsers(
        [Description("Text to match against names and emails.")] string query,
        [Description("Paging: page from 0, pageSize 1 to 50.")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var q = Arguments.NotBlank(query, nameof(query));
            return ToolResults.Success((await client.FindUsersAsync(q, Arguments.Paging(pagination, 50), cancellationToken)).Body);
        });

    [McpServerTool(Name = "user-find-by-filter", Title = "Find users by filter", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Find users matching a filter object (for example by email, name, workspace or licence). The filter is sent to Chili Piper as given; prefer user-find for a plain text search.")]
    public Task<CallToolResult> FindUsersByFilter(
        [Description("Filter object, for example {email: ana@example.com} or {workspaceId: ...}.")] JsonElement filter,
        [Description("Paging: page from 0, pageSize 1 to 50.")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            if (filter.ValueKind != JsonValueKind.Object)
            {
                throw new ToolArgumentException(nameof(filter), "'filter' must be a JSON object.");
            }

            var body = JsonSerializer.SerializeToNode(filter, ToolJsonContext.Default.JsonElement)!.AsObject();
            return ToolResults.Success((await client.FindUsersByFilterAsync(body, Arguments.Paging(pagination, 50), cancellationToken)).Body);
        });

    [McpServerTool(Name = "user-find-by-ids", Title = "Get users by id", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Get several users at once by their ids. Unknown ids are left out of the results.")]
    public Task<CallToolResult> FindUsersByIds(
        [Description("User ids (1 to 200).")] string[] userIds,
        [Description("Paging: page from 0, pageSize 1 to 50.")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var ids = Arguments.Ids(userIds, 1, 200, nameof(userIds));
            return ToolResults.Success((await client.FindUsersByIdsAsync(ids, Arguments.Paging(pagination, 50), cancellationToken)).Body);
        });

    [McpServerTool(Name = "user-read", Title = "Read a user", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read one user: name, email, super-admin flag, licences, workspaces, managed workspaces and teams, CRM ids and booking slug.")]
    public Task<CallToolResult> ReadUser(
        [Description("User id.")] string userId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ReadUserAsync(Arguments.NotBlank(userId, nameof(userId)), cancellationToken)).Body));

    [McpServerTool(Name = "user-invite", Title = "Invite a user", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Create a Chili Piper user account, optionally with licences, roles and workspaces; with sendInvite the user is also emailed an invitation. Fails if the email is already a user. Uses licence seats.")]
    public Task<CallToolResult> InviteUser(
        [Description("Email address of the new user.")] string email,
        [Description("Display name.")] string? name = null,
        [Description("Licences to grant, for example [chiliCalOrg, handoff].")] string[]? licenses = null,
        [Description("Roles to grant.")] string[]? roles = null,
        [Description("Ids of the workspaces to add the user to.")] string[]? workspaces = null,
        [Description("Salesforce user id of the user.")] string? salesforceId = null,
        [Description("Email the invitation now (default: the vendor default).")] bool? sendInvite = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var address = Arguments.Email(email, nameof(email));

            var body = new JsonObject { ["email"] = address };
            AddIfPresent(body, "name", name);
            AddIfPresent(body, "licenses", licenses);
            AddIfPresent(body, "roles", roles);
            AddIfPresent(body, "workspaces", workspaces);
            AddIfPresent(body, "salesforceId", salesforceId);
            if (sendInvite is { } send)
            {
                body["sendInvite"] = send;
            }

            return ToolResults.Success((await client.InviteUserAsync(body, cancellationToken)).Body);
        });

    [McpServerTool(Name = "user-update-licenses", Title = "Set the licences of users", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Replace the whole licence set of one or more users. Read each user first (user-read) and send back every licence flag with your changes: a flag left false removes that licence at once. Fails when the org lacks seats.")]
    public Task<CallToolResult> UpdateLicenses(
        [Description("The new licence set per user id: {userId: {chiliCalOrg: true, handoff: false, ...}}.")] Dictionary<string, LicenseSet> update,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            if (update is null || update.Count == 0 || update.Keys.Any(string.IsNullOrWhiteSpace))
            {
                throw new ToolArgumentException(nameof(update), "'update' needs at least one user id with its licence set.");
            }

            var users = new JsonObject();
            foreach (var (userId, set) in update)
            {
                users[userId] = JsonSerializer.SerializeToNode(set, ToolJsonContext.Default.LicenseSet);
            }

            var response = await client.UpdateLicensesAsync(new JsonObject { ["update"] = users }, cancellationToken);
            return ToolResults.Success(response.Body ?? new JsonObject { ["updated"] = new JsonArray([.. update.Keys.Select(k => JsonValue.Create(k))]) });
        });

    private static void AddIfPresent(JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            body[name] = value;
        }
    }

    private static void AddIfPresent(JsonObject body, string name, string[]? values)
    {
        if (values is { Length: > 0 })
        {
            body[name] = new JsonArray([.. values.Select(v => JsonValue.Create(v))]);
        }
    }
}
