namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// A routing rule (ExplicitV1). Conditions are kept as the JSON tree the API takes, so a read returns exactly what
/// was written; <see cref="RuleConditions"/> evaluates that tree against lead form values.
/// </summary>
public sealed class RoutingRule
{
    public required string Id { get; init; }

    /// <summary><c>NonOwnershipRule</c> or <c>OwnershipRule</c>.</summary>
    public required string Type { get; set; }

    public required string WorkspaceId { get; set; }

    public required string Name { get; set; }

    public required JsonObject Conditions { get; set; }

    public string? TeamId { get; set; }

    public string RuleBuilderVersion { get; init; } = "ExplicitV1";

    /// <summary>Optimistic-concurrency revision; every modify must name the current one.</summary>
    public int Revision { get; set; } = 1;

    public bool Deleted { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public string CreatedBy { get; init; } = ChiliPiperAdminSeed.SeedCaller;

    public string UpdatedBy { get; set; } = ChiliPiperAdminSeed.SeedCaller;
}
