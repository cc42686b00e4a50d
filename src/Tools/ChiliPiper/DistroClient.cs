namespace Serverless.Tools.ChiliPiper;

/// <summary>Distro (record routing) endpoints of the Chili Piper API.</summary>
public sealed class DistroClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    public Task<UpstreamResponse> ListDistroRoutersAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/distro/routers/list"), ct);

    // A run pushes CRM records through a router; repeating it after a lost answer could route them twice.
    public Task<UpstreamResponse> RunResourceSchedulerAsync(string resourceSchedulerId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, $"/v1/org/resource-scheduler/{UpstreamCall.Segment(resourceSchedulerId)}/run"), ct);
}
