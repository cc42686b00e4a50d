namespace Serverless.Tools.PilotStatus;

/// <summary>WhatsApp group, channel and newsletter endpoints of the Pilot Status API.</summary>
public sealed class GroupsClient(PilotStatusClient upstream) : UpstreamArea(upstream)
{
    // Groups and channels (number-scoped key)

    public Task<UpstreamResponse> ListGroupsAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/groups"), ct);

    public Task<UpstreamResponse> CreateGroupAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/groups", Body: body), ct);

    public Task<UpstreamResponse> GetGroupAsync(string groupId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, GroupPath(groupId)), ct);

    public Task<UpstreamResponse> AddGroupParticipantsAsync(string groupId, IReadOnlyList<string> participants, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, GroupPath(groupId, "/participants"), Body: ParticipantsBody(participants)), ct);

    public Task<UpstreamResponse> RemoveGroupParticipantsAsync(string groupId, IReadOnlyList<string> participants, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Delete, GroupPath(groupId, "/participants"), Body: ParticipantsBody(participants)), ct);

    public Task<UpstreamResponse> PromoteGroupParticipantsAsync(string groupId, IReadOnlyList<string> participants, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, GroupPath(groupId, "/participants/promote"), Body: ParticipantsBody(participants)), ct);

    public Task<UpstreamResponse> DemoteGroupParticipantsAsync(string groupId, IReadOnlyList<string> participants, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, GroupPath(groupId, "/participants/demote"), Body: ParticipantsBody(participants)), ct);

    public Task<UpstreamResponse> GetGroupInviteAsync(string groupId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, GroupPath(groupId, "/invite")), ct);

    public Task<UpstreamResponse> PinGroupMessageAsync(string groupId, JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, GroupPath(groupId, "/pin"), Body: body), ct);

    public Task<UpstreamResponse> ListNewslettersAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/newsletters"), ct);

    private static string GroupPath(string groupId, string suffix = "") => $"/v1/groups/{UpstreamCall.Segment(groupId)}{suffix}";

    private static JsonObject ParticipantsBody(IReadOnlyList<string> participants) =>
        new() { ["participants"] = new JsonArray([.. participants.Select(p => JsonValue.Create(p))]) };
}
