using System.Text.Json.Serialization;

namespace Serverless.Sandbox.ChiliPiper;

// Wire shapes of the workspace, team, distribution and rule endpoints. Distributions and rules carry
// discriminated unions stored verbatim, so they are written as JSON trees; the flat ones are records.

public sealed record SimpleMetadata(DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt, string UpdatedBy, int Revision)
{
    public JsonObject ToJson() => new()
    {
        ["createdAt"] = AdminJson.Instant(CreatedAt),
        ["createdBy"] = CreatedBy,
        ["updatedAt"] = AdminJson.Instant(UpdatedAt),
        ["updatedBy"] = UpdatedBy,
        ["revision"] = Revision,
    };
}

public sealed record WorkspaceView(
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Emoji,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Logo,
    SimpleMetadata Metadata,
    int NrOfUsers);

public sealed record TeamView(string Id, string WorkspaceId, string Name, IReadOnlyList<string> Members, SimpleMetadata Metadata)
{
    public static TeamView From(Team team)
        => new(team.Id, team.WorkspaceId, team.Name, team.Members.ToArray(),
            new SimpleMetadata(team.CreatedAt, team.CreatedBy, team.UpdatedAt, team.UpdatedBy, team.Revision));
}

public sealed record AdminPage<T>(IReadOnlyList<T> Results, long Total, long Page, long PageSize);

internal static class AdminJson
{
    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(UtcInstantConverter.Format, CultureInfo.InvariantCulture);

    public static JsonObject Page(IEnumerable<JsonNode> results, long total, ChiliPiperPage page) => new()
    {
        ["results"] = new JsonArray([.. results]),
        ["total"] = total,
        ["page"] = page.Page,
        ["pageSize"] = page.PageSize,
    };

    /// <summary>The caller reference a write records: API tokens act as themselves, not as a user.</summary>
    public static string Caller(ChiliPiperCall call) => "apiToken/" + call.Token.Name;
}
