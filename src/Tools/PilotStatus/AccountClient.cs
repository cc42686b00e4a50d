using System.Globalization;

namespace Serverless.Tools.PilotStatus;

/// <summary>Account area of the Pilot Status API: API keys, subscription, billing, branding (tenant key); analytics and media (number key).</summary>
public sealed class AccountClient(PilotStatusClient upstream) : UpstreamArea(upstream)
{
    public Task<UpstreamResponse> ListApiKeysAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/api-keys"), ct);

    public Task<UpstreamResponse> RegenerateNumberKeyAsync(string whatsappNumberId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/api-keys",
            Body: new JsonObject { ["whatsappNumberId"] = whatsappNumberId }), ct);

    public Task<UpstreamResponse> PreviewExtraNumbersAsync(int? quantity, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/subscription/extra-numbers",
            Query: [new("quantity", quantity?.ToString(CultureInfo.InvariantCulture))]), ct);

    public Task<UpstreamResponse> AddExtraNumbersAsync(int? quantity, bool? confirm, CancellationToken ct)
    {
        var body = new JsonObject();
        if (quantity is { } q)
        {
            body["quantity"] = q;
        }

        if (confirm is { } c)
        {
            body["confirm"] = c;
        }

        return SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/subscription/extra-numbers", Body: body), ct);
    }

    public Task<UpstreamResponse> CreateCheckoutAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/billing/checkout", Body: body), ct);

    public Task<UpstreamResponse> GetBrandingAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/branding"), ct);

    public Task<UpstreamResponse> UpsertBrandingAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Put, "/v1/branding", Body: body), ct);

    public Task<UpstreamResponse> AnalyticsDashboardAsync(string? period, string? tz, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/analytics/dashboard",
            Query: [new("period", period), new("tz", tz)]), ct);

    public Task<UpstreamResponse> GetMediaAsync(string mediaId, string phoneNumberId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/media/{UpstreamCall.Segment(mediaId)}",
            Query: [new("phoneNumberId", phoneNumberId)]), ct);
}
