using System.Globalization;

namespace Serverless.Tools.ChiliPiper;

/// <summary>Routing rule endpoints of the Chili Piper API.</summary>
public sealed class RulesClient(ChiliPiperClient upstream) : ChiliPiperArea(upstream)
{
    public Task<UpstreamResponse> ListRulesAsync(string? workspaceId, string? name, Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/org/rule/list",
            Query: [.. Paging(pagination), new("workspaceId", workspaceId), new("name", name)]), ct);

    public Task<UpstreamResponse> GetRuleAsync(string ruleId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/rule/{UpstreamCall.Segment(ruleId)}"), ct);

    public Task<UpstreamResponse> CreateRuleAsync(JsonObject dto, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/rule", Body: new JsonObject { ["dto"] = dto }), ct);

    /// <summary>The path carries no rule id, so the rule and the revision it was read at travel as query parameters.</summary>
    public Task<UpstreamResponse> ModifyRuleAsync(string ruleId, int revision, JsonObject dto, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Put, "/v1/org/rule", Query: RuleRevision(ruleId, revision),
            Body: new JsonObject { ["dto"] = dto }), ct);

    public Task<UpstreamResponse> DeleteRuleAsync(string ruleId, int revision, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Delete, "/v1/org/rule", Query: RuleRevision(ruleId, revision)), ct);

    private static KeyValuePair<string, string?>[] RuleRevision(string ruleId, int revision) =>
    [
        new("ruleId", ruleId),
        new("revision", revision.ToString(CultureInfo.InvariantCulture)),
    ];
}
