namespace Serverless.Tools.ChiliPiper;

/// <summary>User endpoints of the Chili Piper API: finding, reading, inviting users and their licenses.</summary>
public sealed class UsersClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    public Task<UpstreamResponse> FindUsersAsync(string query, Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/org/user/find",
            Query: [new("query", query), .. Paging(pagination)]), ct);

    public Task<UpstreamResponse> FindUsersByFilterAsync(JsonObject filter, Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/user/find-by-filter", Query: Paging(pagination), Body: filter), ct);

    public Task<UpstreamResponse> FindUsersByIdsAsync(IReadOnlyList<string> userIds, Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/user/find-by-id", Query: Paging(pagination),
            Body: new JsonArray([.. userIds.Select(id => JsonValue.Create(id))])), ct);

    public Task<UpstreamResponse> ReadUserAsync(string userId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/user/read/{UpstreamCall.Segment(userId)}"), ct);

    public Task<UpstreamResponse> InviteUserAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/user/invite", Body: body), ct);

    public Task<UpstreamResponse> UpdateLicensesAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/user/licenses", Body: body), ct);
}
