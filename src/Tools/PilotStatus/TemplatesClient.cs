namespace Serverless.Tools.PilotStatus;

/// <summary>Message template endpoints of the Pilot Status API.</summary>
public sealed class TemplatesClient(PilotStatusClient upstream) : UpstreamArea(upstream)
{
    // Templates: {id} is the template id or its name.

    public Task<UpstreamResponse> ListTemplatesAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/templates"), ct);

    public Task<UpstreamResponse> GetTemplateAsync(string idOrName, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, TemplatePath(idOrName)), ct);

    public Task<UpstreamResponse> CreateTemplateAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/templates", Body: body), ct);

    public Task<UpstreamResponse> UpdateTemplateAsync(string idOrName, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Put, TemplatePath(idOrName), Body: body), ct);

    public Task<UpstreamResponse> DeleteTemplateAsync(string idOrName, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Delete, TemplatePath(idOrName)), ct);

    private static string TemplatePath(string idOrName) => "/v1/templates/" + UpstreamCall.Segment(idOrName);
}
