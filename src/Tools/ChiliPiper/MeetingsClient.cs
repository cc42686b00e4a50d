namespace Serverless.Tools.ChiliPiper;

/// <summary>Meeting endpoints of the Chili Piper API.</summary>
public sealed class MeetingsClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    // The export answers text/csv; JSON stays acceptable so error bodies still parse.
    private const string CsvOrJson = "text/csv, application/json";

    // The list and export are PUTs only to carry their filters in a body; they change nothing, so they may be retried.
    public Task<UpstreamResponse> ListMeetingsAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Put, "/v2/org/meetings/meetings", Body: body), ct);

    public Task<UpstreamResponse> GetMeetingAsync(string meetingId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/meetings/get/{UpstreamCall.Segment(meetingId)}"), ct);

    public Task<UpstreamResponse> ExportMeetingsAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Put, "/v3/org/meetings/meetings/export", Body: body, Accept: CsvOrJson), ct);

    // Cancel and no-show are state-changing GETs (built for links in emails), so they are sent once like any write.
    public Task<UpstreamResponse> CancelMeetingAsync(string meetingId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/meetings/cancel/{UpstreamCall.Segment(meetingId)}"), ct);

    public Task<UpstreamResponse> MarkMeetingNoShowAsync(string meetingId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/meetings/noshow/{UpstreamCall.Segment(meetingId)}"), ct);

    public Task<UpstreamResponse> GetMeetingActivityAsync(string meetingId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/meetings/activity/{UpstreamCall.Segment(meetingId)}"), ct);
}
