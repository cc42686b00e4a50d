using System.Globalization;

namespace Serverless.Tools.PilotStatus;

/// <summary>Webhook endpoints of the Pilot Status API.</summary>
public sealed class WebhooksClient(PilotStatusClient upstream) : UpstreamArea(upstream)
{
    // Webhooks. A tenant key narrows every call to one number through x-whatsapp-number-id, which Authorize adds.

    public Task<UpstreamResponse> ListWebhooksAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/webhooks"), ct);

    public Task<UpstreamResponse> GetWebhookAsync(string id, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, WebhookPath(id)), ct);

    public Task<UpstreamResponse> CreateWebhookAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/webhooks", Body: body), ct);

    public Task<UpstreamResponse> UpdateWebhookAsync(string id, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Patch, WebhookPath(id), Body: body), ct);

    public Task<UpstreamResponse> DeleteWebhookAsync(string id, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Delete, WebhookPath(id)), ct);

    public Task<UpstreamResponse> WebhookLogsAsync(string id, int? limit, string? eventName, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, WebhookPath(id) + "/logs", Query:
        [
            new("limit", limit?.ToString(CultureInfo.InvariantCulture)),
            new("event", eventName),
        ]), ct);

    private static string WebhookPath(string id) => "/v1/webhooks/" + UpstreamCall.Segment(id);
}
