namespace Serverless.Tools.ChiliPiper;

/// <summary>Team endpoints of the Chili Piper API.</summary>
public sealed class TeamsClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    /// <summary>A read despite the PUT: the filters travel in the body to dodge query-length limits.</summary>
    public Task<UpstreamResponse> ListTeamsAsync(JsonObject filter, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Put, "/v2/org/team", Body: filter), ct);

    public Task<UpstreamResponse> AddTeamUsersAsync(string teamId, IReadOnlyList<string> userIds, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/team/users/add", Body: TeamUsers(teamId, userIds)), ct);

    public Task<UpstreamResponse> RemoveTeamUsersAsync(string teamId, IReadOnlyList<string> userIds, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/team/users/remove", Body: TeamUsers(teamId, userIds)), ct);

    public Task<UpstreamResponse> RemoveUsersFromAllTeamsAsync(IReadOnlyList<string> userIds, IReadOnlyList<string>? workspaceIds, CancellationToken ct)
    {
        var body = new JsonObject { ["userIds"] = AdminArguments.Array(userIds) };
        if (workspaceIds is not null)
        {
            body["workspaceIds"] = AdminArguments.Array(workspaceIds);
        }

        return SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/team/users/remove-from-all", Body: body), ct);
    }

    private static JsonObject TeamUsers(string teamId, IReadOnlyList<string> userIds) =>
        new() { ["teamId"] = teamId, ["userIds"] = AdminArguments.Array(userIds) };
}
