namespace Serverless.Tools.ChiliPiper;

/// <summary>Chili Piper teams: the member pools distributions assign to.</summary>
[McpServerToolType]
[Toolset(Toolsets.Teams)]
public sealed class TeamTools(TeamsClient client)
{
    private const int MaxPageSize = 200;

    [McpServerTool(Name = "team-list-put", Title = "List teams", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List teams, optionally only those in some workspaces, whose name contains a text, or that contain all the given users. Returns {results, total, page, pageSize}; each team has id (the teamId other tools ask for), workspaceId, name, members (user ids) and metadata. Reads only, despite the PUT.")]
    public Task<CallToolResult> ListTeams(
        [Description("Only teams in these workspaces.")] string[]? workspaceIds = null,
        [Description("Only teams whose name contains this text.")] string? name = null,
        [Description("Only teams that contain every one of these user ids.")] string[]? member = null,
        [Description("Paging: page from 0, pageSize 1 to 200.")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject();
            if (AdminArguments.OptionalIds(workspaceIds, nameof(workspaceIds)) is { } workspaces)
            {
                body["workspaceIds"] = AdminArguments.Array(workspaces);
            }

            if (AdminArguments.OptionalText(name) is { } text)
            {
                body["name"] = text;
            }

            if (AdminArguments.OptionalIds(member, nameof(member)) is { } members)
            {
                body["member"] = AdminArguments.Array(members);
            }

            AdminArguments.AddPaging(body, Arguments.Paging(pagination, MaxPageSize));
            return ToolResults.Success((await client.ListTeamsAsync(body, cancellationToken)).Body);
        });

    [McpServerTool(Name = "team-add-users", Title = "Add users to a team", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Add users to a team so distributions over that team can assign to them. Existing members are skipped, so a repeat is harmless. Returns the updated team {id, workspaceId, name, members, metadata}.")]
    public Task<CallToolResult> AddUsers(
        [Description("The team id (from team-list-put).")] string teamId,
        [Description("Ids of the users to add (at least one).")] string[] userIds,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var team = Arguments.NotBlank(teamId, nameof(teamId));
            var response = await client.AddTeamUsersAsync(team, AdminArguments.UserIds(userIds), cancellationToken);
            return ToolResults.Success(response.Body);
        });

    [McpServerTool(Name = "team-remove-users", Title = "Remove users from a team", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Remove users from one team; non-members are skipped. Distributions over the team stop assigning to them. Returns the updated team {id, workspaceId, name, members, metadata}.")]
    public Task<CallToolResult> RemoveUsers(
        [Description("The team id (from team-list-put).")] string teamId,
        [Description("Ids of the users to remove (at least one).")] string[] userIds,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var team = Arguments.NotBlank(teamId, nameof(teamId));
            var response = await client.RemoveTeamUsersAsync(team, AdminArguments.UserIds(userIds), cancellationToken);
            return ToolResults.Success(response.Body);
        });

    [McpServerTool(Name = "team-remove-users-all", Title = "Remove users from every team", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Remove users from every team of the org, or only from the teams of the given workspaces. Workspace membership and licences stay. Check the outcome with team-list-put (member filter).")]
    public Task<CallToolResult> RemoveUsersFromAll(
        [Description("Ids of the users to remove (at least one).")] string[] userIds,
        [Description("Limit the removal to teams in these workspaces; omit for every team.")] string[]? workspaceIds = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var ids = AdminArguments.UserIds(userIds);
            var workspaces = AdminArguments.OptionalIds(workspaceIds, nameof(workspaceIds));
            var response = await client.RemoveUsersFromAllTeamsAsync(ids, workspaces, cancellationToken);
            return ToolResults.Success(response.Body ?? new JsonObject { ["userIds"] = AdminArguments.Array(ids) });
        });
}
