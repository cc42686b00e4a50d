namespace Serverless.Tools.ChiliPiper;

/// <summary>Handoff endpoints of the Chili Piper API.</summary>
public sealed class HandoffClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    // Handoff

    public Task<UpstreamResponse> HandoffInitAsync(string workspaceId, string bookerId, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post,
            $"/v1/org/handoff/workspace/{UpstreamCall.Segment(workspaceId)}/booker/{UpstreamCall.Segment(bookerId)}/init-simple",
            Body: body), ct);

    public Task<UpstreamResponse> HandoffScheduleAsync(
        string routingId, string routerId, string pathId, string bookerId, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post,
            $"/v1/org/handoff/routing/{UpstreamCall.Segment(routingId)}/router/{UpstreamCall.Segment(routerId)}"
            + $"/path/{UpstreamCall.Segment(pathId)}/booker/{UpstreamCall.Segment(bookerId)}/schedule-simple",
            Body: body), ct);
}
