namespace Serverless.Sandbox.ChiliPiper;

/// <summary>A team inside one workspace; distributions are scoped to a team.</summary>
public sealed class Team
{
    public required string Id { get; init; }

    public required string WorkspaceId { get; init; }

    public required string Name { get; set; }

    /// <summary>Member user ids, in the order they joined.</summary>
    public List<string> Members { get; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public int Revision { get; set; } = 1;

    /// <summary>Caller reference in the vendor's <c>$type/$id</c> form; seeded teams belong to the demo admin.</summary>
    public string CreatedBy { get; init; } = ChiliPiperAdminSeed.SeedCaller;

    public string UpdatedBy { get; set; } = ChiliPiperAdminSeed.SeedCaller;
}
