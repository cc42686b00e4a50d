namespace Serverless.Tools.ChiliPiper;

/// <summary>CRM-event endpoints of the Chili Piper API.</summary>
public sealed class CrmClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    public Task<UpstreamResponse> GetCrmMeetingAsync(string crmEventId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/crm/get/{UpstreamCall.Segment(crmEventId)}"), ct);

    public Task<UpstreamResponse> CancelCrmMeetingAsync(string crmEventId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/crm/cancel/{UpstreamCall.Segment(crmEventId)}"), ct);

    public Task<UpstreamResponse> MarkCrmMeetingNoShowAsync(string crmEventId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/crm/noshow/{UpstreamCall.Segment(crmEventId)}"), ct);

    public Task<UpstreamResponse> GetCrmMeetingActivityAsync(string crmEventId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/crm/activity/{UpstreamCall.Segment(crmEventId)}"), ct);
}
