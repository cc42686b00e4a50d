namespace Serverless.Tools.ChiliPiper;

/// <summary>Scheduling-link and availability endpoints of the Chili Piper API.</summary>
public sealed class SchedulingClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    // Scheduling links and availability

    public Task<UpstreamResponse> ListPersonalSchedulingLinksAsync(string userId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/schedulingLinks/list-personal/{UpstreamCall.Segment(userId)}"), ct);

    /// <param name="kind">The list operation's last path segment, e.g. <c>list-round-robin</c>.</param>
    public Task<UpstreamResponse> ListSchedulingLinksAsync(string kind, JsonObject filters, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, $"/v1/org/schedulingLinks/{kind}", Body: filters), ct);

    // Phase 1 opens a routing session upstream; a blind retry would open a second one, so it is sent once.
    public Task<UpstreamResponse> InitSchedulingLinkAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/schedulingLinks/init-simple", Body: body), ct);

    public Task<UpstreamResponse> ScheduleSchedulingLinkAsync(string routeId, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, $"/v1/org/schedulingLinks/routing/{UpstreamCall.Segment(routeId)}/schedule-simple",
            Body: body), ct);

    public Task<UpstreamResponse> AvailabilitySlotsAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/availability/slots", Body: body), ct);
}
