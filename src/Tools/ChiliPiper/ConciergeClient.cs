namespace Serverless.Tools.ChiliPiper;

/// <summary>Concierge (inbound form routing) endpoints of the Chili Piper API.</summary>
public sealed class ConciergeClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    // Concierge

    public Task<UpstreamResponse> ListConciergeRoutersAsync(string? workspaceId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/concierge/routers/concierge/list",
            Query: [new("workspaceId", workspaceId)]), ct);

    public Task<UpstreamResponse> ConciergeRouteAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/concierge/routers/rest", Body: body), ct);

    public Task<UpstreamResponse> ConciergeRouteBySlugAsync(string routerSlug, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, $"/v1/org/concierge/routers/{UpstreamCall.Segment(routerSlug)}/rest",
            Body: body), ct);

    public Task<UpstreamResponse> ConciergeScheduleAsync(string routingId, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, $"/v1/org/concierge/routing/{UpstreamCall.Segment(routingId)}/schedule-simple",
            Body: body), ct);

    // Every input is a query parameter; the operation takes no body.
    public Task<UpstreamResponse> ConciergeLogsAsync(
        string workspaceId, string routerId, string start, string end, Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/concierge/logs",
            Query: [new("workspaceId", workspaceId), new("routerId", routerId), new("start", start), new("end", end), .. Paging(pagination)]), ct);
}
