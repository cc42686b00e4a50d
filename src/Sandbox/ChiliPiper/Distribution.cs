namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Per-member state of a distribution, as <c>state.userStates[]</c> reports it.</summary>
public sealed class DistributionUserState
{
    public required string UserId { get; init; }

    /// <summary><c>Active</c>, <c>Capped</c>, <c>Disabled</c>, <c>Removed</c> or <c>NoLicense</c>.</summary>
    public string Type { get; set; } = "Active";

    public int Assigned { get; set; }

    public int Cancelled { get; set; }

    public int NoShow { get; set; }

    public int ReassignedToThis { get; set; }

    public int ReassignedFromThis { get; set; }

    /// <summary>When the user entered a non-active state (disabledAt, removedAt, licenseRemovedAt on the wire).</summary>
    public DateTimeOffset? ChangedAt { get; set; }
}

/// <summary>
/// A weighted round-robin distribution over a team's members. Booking flows call <see cref="NextAssignee"/>,
/// which picks the eligible member furthest below their weighted share, then counts the assignment.
/// </summary>
public sealed class Distribution
{
    public required string Id { get; init; }

    public required string WorkspaceId { get; init; }

    public required string TeamId { get; set; }

    public required string Name { get; set; }

    /// <summary><c>Record</c>, <c>Meeting</c> or <c>Conversation</c>.</summary>
    public required string AssignmentType { get; set; }

    /// <summary>The whole <c>assignmentTypeConfig</c> union as last written, kept verbatim for read-back.</summary>
    public System.Text.Json.Nodes.JsonObject? AssignmentTypeConfig { get; set; }

    /// <summary>Weight per user id, 0 to 10000; 0 disables the user. Members without an entry weigh 100.</summary>
    public Dictionary<string, int> Weights { get; } = [];

    /// <summary>Manual calibration per user id: extra assignments counted as already given.</summary>
    public Dictionary<string, int> Calibration { get; } = [];

    /// <summary>Assignment cap per user id within the reset period; absent means uncapped.</summary>
    public Dictionary<string, int> Caps { get; } = [];

    /// <summary>The capping <c>resetPeriodicity</c> union as last written.</summary>
    public System.Text.Json.Nodes.JsonObject? ResetPeriodicity { get; set; }

    public Dictionary<string, DistributionUserState> UserStates { get; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public string CreatedBy { get; init; } = ChiliPiperAdminSeed.SeedCaller;

    public string UpdatedBy { get; set; } = ChiliPiperAdminSeed.SeedCaller;

    /// <summary>Bumped by every published change of the configuration.</summary>
    public int Revision { get; set; } = 1;

    public int WeightOf(string userId) => Weights.TryGetValue(userId, out var weight) ? weight : 100;

    public DistributionUserState StateOf(string userId)
    {
        if (!UserStates.TryGetValue(userId, out var state))
        {
            state = new DistributionUserState { UserId = userId };
            UserStates[userId] = state;
        }

        return state;
    }

    /// <summary>
    /// The next member to assign among <paramref name="candidates"/> (e.g. those free at the chosen time),
    /// or null when none is eligible. Does not record anything; call <see cref="RecordAssignment"/> once booked.
    /// </summary>
    public string? NextAssignee(IEnumerable<string> candidates)
    {
        string? best = null;
        var bestScore = double.MaxValue;
        foreach (var userId in candidates)
        {
            var weight = WeightOf(userId);
            var state = StateOf(userId);
            if (weight <= 0 || state.Type is "Disabled" or "Removed" or "NoLicense")
            {
                continue;
            }

            var given = state.Assigned + (Calibration.TryGetValue(userId, out var extra) ? extra : 0);
            if (Caps.TryGetValue(userId, out var cap) && state.Assigned >= cap)
            {
                continue;
            }

            var score = (given + 1) / (double)weight;
            if (score < bestScore)
            {
                best = userId;
                bestScore = score;
            }
        }

        return best;
    }

    public void RecordAssignment(string userId)
    {
        var state = StateOf(userId);
        state.Assigned++;
        if (Caps.TryGetValue(userId, out var cap) && state.Assigned >= cap)
        {
            state.Type = "Capped";
        }
    }
}
