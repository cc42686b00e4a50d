namespace Serverless.Tools.ChiliPiper;

/// <summary>Chili Piper workspaces and who belongs to them.</summary>
[McpServerToolType]
[Toolset(Toolsets.Workspaces)]
public sealed class WorkspaceTools(WorkspacesClient client)
{
    private const int MaxPageSize = 50;

    [McpServerTool(Name = "workspace-list", Title = "List workspaces", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the org workspaces. Returns {results, total, page, pageSize}; each workspace has id (use it wherever a workspaceId is asked), name, emoji, logo, metadata and nrOfUsers.")]
    public Task<CallToolResult> ListWorkspaces(
        [Description("Paging: page from 0, pageSize 1 to 50 (default 10).")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ListWorkspacesAsync(Arguments.Paging(pagination, MaxPageSize), cancellationToken)).Body));

    [McpServerTool(Name = "workspace-list-users", Title = "List workspace members", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the users of one workspace, or of the whole org when workspaceId is left out. Returns {results, total, page, pageSize} with full user records (licences, workspaces, managed teams).")]
    public Task<CallToolResult> ListWorkspaceUsers(
        [Description("The workspace id (from workspace-list); omit for every user of the org.")] string? workspaceId = null,
        [Description("Paging: page from 0, pageSize 1 to 50 (default 10).")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var response = await client.ListWorkspaceUsersAsync(
                AdminArguments.OptionalText(workspaceId), Arguments.Paging(pagination, MaxPageSize), cancellationToken);
            return ToolResults.Success(response.Body);
        });

    [McpServerTool(Name = "workspace-add-users", Title = "Add users to a workspace", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Add users to a workspace. Users already in it are skipped, so repeating the call is harmless. Chili Piper answers with no body; the result echoes what was applied. Check with workspace-list-users.")]
    public Task<CallToolResult> AddUsers(
        [Description("The workspace id (from workspace-list).")] string workspaceId,
        [Description("Ids of the users to add (at least one).")] string[] userIds,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var workspace = Arguments.NotBlank(workspaceId, nameof(workspaceId));
            var ids = AdminArguments.UserIds(userIds);
            var response = await client.AddWorkspaceUsersAsync(workspace, ids, cancellationToken);
            return ToolResults.Success(response.Body ?? Applied(workspace, ids, "added"));
        });

    [McpServerTool(Name = "workspace-remove-users", Title = "Remove users from a workspace", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Remove users from one workspace. Non-members are skipped. Their team memberships stay, but distributions and rules of that workspace may stop reaching them. Chili Piper answers with no body; the result echoes what was applied.")]
    public Task<CallToolResult> RemoveUsers(
        [Description("The workspace id (from workspace-list).")] string workspaceId,
        [Description("Ids of the users to remove (at least one).")] string[] userIds,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var workspace = Arguments.NotBlank(workspaceId, nameof(workspaceId));
            var ids = AdminArguments.UserIds(userIds);
            var response = await client.RemoveWorkspaceUsersAsync(workspace, ids, cancellationToken);
            return ToolResults.Success(response.Body ?? Applied(workspace, ids, "removed"));
        });

    [McpServerTool(Name = "workspace-remove-users-all", Title = "Remove users from every workspace", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Remove users from every workspace of the org, for example when offboarding. Accounts, licences and team memberships stay. Not atomic: on failure some workspaces may already be done, so check with user-read and call again.")]
    public Task<CallToolResult> RemoveUsersFromAll(
        [Description("Ids of the users to remove everywhere (at least one).")] string[] userIds,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var ids = AdminArguments.UserIds(userIds);
            var response = await client.RemoveUsersFromAllWorkspacesAsync(ids, cancellationToken);
            return ToolResults.Success(response.Body ?? new JsonObject { ["userIds"] = AdminArguments.Array(ids) });
        });

    private static JsonObject Applied(string workspaceId, IReadOnlyList<string> userIds, string verb) => new()
    {
        ["workspaceId"] = workspaceId,
        [verb] = AdminArguments.Array(userIds),
    };
}
