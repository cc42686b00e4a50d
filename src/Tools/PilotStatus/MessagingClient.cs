namespace Serverless.Tools.PilotStatus;

/// <summary>Messaging endpoints of the Pilot Status API: sends, reads, group messages and conversations.</summary>
public sealed class MessagingClient(PilotStatusClient upstream) : UpstreamArea(upstream)
{
    public Task<UpstreamResponse> SendMessageAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/messages/send", Body: body), ct);

    public Task<UpstreamResponse> GetMessageAsync(string messageId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/messages/{UpstreamCall.Segment(messageId)}"), ct);

    public Task<UpstreamResponse> CancelMessagesAsync(IReadOnlyList<string> messageIds, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Delete, "/v1/messages/cancel",
            Body: new JsonObject { ["messageIds"] = new JsonArray([.. messageIds.Select(id => JsonValue.Create(id))]) }), ct);

    public Task<UpstreamResponse> GroupMessagesAsync(string? startDate, string? endDate, int? page, int? pageSize, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/messages/group", Query: DateRangePage(startDate, endDate, page, pageSize)), ct);

    public Task<UpstreamResponse> UnreadMessagesAsync(int? page, int? pageSize, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/messages/unread", Query: DateRangePage(null, null, page, pageSize)), ct);

    public Task<UpstreamResponse> ConversationsAsync(string? startDate, string? endDate, int? page, int? pageSize, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/conversations", Query: DateRangePage(startDate, endDate, page, pageSize)), ct);

    private static KeyValuePair<string, string?>[] DateRangePage(string? startDate, string? endDate, int? page, int? pageSize) =>
    [
        new("startDate", startDate),
        new("endDate", endDate),
        new("page", page?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
