namespace Serverless.Tools.ChiliPiper;

/// <summary>Organization endpoints of the Chili Piper API: health and tenant.</summary>
public sealed class OrganizationClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    public Task<UpstreamResponse> PingAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/org/health/ping"), ct);

    public Task<UpstreamResponse> GetTenantAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/org/tenant/get"), ct);
}
