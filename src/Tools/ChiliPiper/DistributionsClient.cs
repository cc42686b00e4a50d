namespace Serverless.Tools.ChiliPiper;

/// <summary>Distribution endpoints of the Chili Piper API.</summary>
public sealed class DistributionsClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    /// <summary>A read despite the PUT: the filters travel in the body.</summary>
    public Task<UpstreamResponse> ListDistributionsAsync(JsonObject filter, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Put, "/v2/org/distribution/list", Body: filter), ct);

    public Task<UpstreamResponse> CreateDistributionAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/distribution", Body: body), ct);

    public Task<UpstreamResponse> UpdateDistributionV3Async(string distributionId, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, $"/v3/org/distribution/{UpstreamCall.Segment(distributionId)}", Body: body), ct);

    /// <summary>Never retried: the body holds deltas, so a second delivery would apply them twice.</summary>
    public Task<UpstreamResponse> AdjustDistributionV3Async(string distributionId, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, $"/v3/org/distribution/{UpstreamCall.Segment(distributionId)}/adjust", Body: body), ct);

    public Task<UpstreamResponse> DeleteDistributionAsync(string distributionId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Delete, $"/v1/org/distribution/{UpstreamCall.Segment(distributionId)}"), ct);
}
