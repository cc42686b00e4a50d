namespace Serverless.Tools.ChiliPiper;

/// <summary>Workspace endpoints of the Chili Piper API.</summary>
public sealed class WorkspacesClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    public Task<UpstreamResponse> ListWorkspacesAsync(Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/org/workspace", Query: Paging(pagination)), ct);

    public Task<UpstreamResponse> ListWorkspaceUsersAsync(string? workspaceId, Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/org/workspace/users",
            Query: [new("workspaceId", workspaceId), .. Paging(pagination)]), ct);

    public Task<UpstreamResponse> AddWorkspaceUsersAsync(string workspaceId, IReadOnlyList<string> userIds, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/workspace/users/add", Body: WorkspaceUsers(workspaceId, userIds)), ct);

    public Task<UpstreamResponse> RemoveWorkspaceUsersAsync(string workspaceId, IReadOnlyList<string> userIds, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/workspace/users/remove", Body: WorkspaceUsers(workspaceId, userIds)), ct);

    public Task<UpstreamResponse> RemoveUsersFromAllWorkspacesAsync(IReadOnlyList<string> userIds, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/workspace/users/remove-from-all",
            Body: new JsonObject { ["userIds"] = AdminArguments.Array(userIds) }), ct);

    private static JsonObject WorkspaceUsers(string workspaceId, IReadOnlyList<string> userIds) =>
        new() { ["workspaceId"] = workspaceId, ["userIds"] = AdminArguments.Array(userIds) };
}
