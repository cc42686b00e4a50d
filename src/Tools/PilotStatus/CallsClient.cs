namespace Serverless.Tools.PilotStatus;

/// <summary>Voice call endpoints of the Pilot Status API.</summary>
public sealed class CallsClient(PilotStatusClient upstream) : UpstreamArea(upstream)
{
    // Voice calls: {callId} is the Pilot Status id (call_...) or the provider's call id.

    public Task<UpstreamResponse> InitiateCallAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/calls", Body: body), ct);

    public Task<UpstreamResponse> ListCallsAsync(int? limit, string? before, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/calls", Query:
        [
            new("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("before", before),
        ]), ct);

    public Task<UpstreamResponse> GetCallAsync(string callId, bool includeSdp, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, CallPath(callId),
            Query: includeSdp ? [new("includeSdp", "1")] : null), ct);

    /// <param name="body">The SDP answer on Meta numbers; null sends no body, as web numbers expect.</param>
    public Task<UpstreamResponse> AcceptCallAsync(string callId, JsonObject? body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, CallPath(callId) + "/accept", Body: body), ct);

    public Task<UpstreamResponse> RejectCallAsync(string callId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, CallPath(callId) + "/reject"), ct);

    public Task<UpstreamResponse> TerminateCallAsync(string callId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, CallPath(callId) + "/terminate"), ct);

    public Task<UpstreamResponse> GetCallSettingsAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/calls/settings"), ct);

    public Task<UpstreamResponse> UpdateCallSettingsAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Put, "/v1/calls/settings", Body: body), ct);

    public Task<UpstreamResponse> GetCallPermissionAsync(string to, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/calls/permissions", Query: [new("to", to)]), ct);

    public Task<UpstreamResponse> RequestCallPermissionAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/calls/permissions/request", Body: body), ct);

    private static string CallPath(string callId) => "/v1/calls/" + UpstreamCall.Segment(callId);
}
