namespace Serverless.Tools.PilotStatus;

/// <summary>WhatsApp number endpoints of the Pilot Status API.</summary>
public sealed class NumbersClient(PilotStatusClient upstream) : UpstreamArea(upstream)
{
    // Numbers (tenant or number key, except the number-scoped existence check)

    public Task<UpstreamResponse> ListNumbersAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/numbers"), ct);

    public Task<UpstreamResponse> GetNumberAsync(string id, bool refresh, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, NumberPath(id),
            Query: [new("refresh", refresh ? "1" : null)]), ct);

    public Task<UpstreamResponse> CreateNumberAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/numbers", Body: body), ct);

    public Task<UpstreamResponse> NumberStatusAsync(string id, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, NumberPath(id, "/status")), ct);

    public Task<UpstreamResponse> ConnectNumberAsync(string id, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, NumberPath(id, "/connect")), ct);

    public Task<UpstreamResponse> DeleteNumberAsync(string id, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Delete, NumberPath(id)), ct);

    public Task<UpstreamResponse> RemotePairingAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/numbers/remote-pairing", Body: body), ct);

    /// <summary>A POST that only reads, so it may be retried like a GET.</summary>
    public Task<UpstreamResponse> CheckNumbersAsync(IReadOnlyList<string> numbers, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/numbers/check",
            Body: new JsonObject { ["numbers"] = new JsonArray([.. numbers.Select(n => JsonValue.Create(n))]) }), ct);

    private static string NumberPath(string id, string suffix = "") => $"/v1/numbers/{UpstreamCall.Segment(id)}{suffix}";
}
