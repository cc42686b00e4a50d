using System.Text;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// In-memory Chili Piper organization. All mutation happens under <see cref="Sync"/>; public accessors return
/// snapshots so tests can enumerate without holding the lock.
/// </summary>
public sealed partial class ChiliPiperState
{
    internal ChiliPiperState(TimeProvider time)
    {
        Time = time;
        var now = time.GetUtcNow();
        ChiliPiperSeed.Populate(this, now);
        SeedTeams(now);
        SeedDistributions(now);
        SeedRules(now);
        SeedMeetings(now);
        SeedScheduling(now);
        SeedRouters(now);
        SeedDistro(now);
    }

    // Each API area seeds its own data from its own file; an area without seed data simply has no body.
    partial void SeedTeams(DateTimeOffset now);

    partial void SeedDistributions(DateTimeOffset now);

    partial void SeedRules(DateTimeOffset now);

    partial void SeedMeetings(DateTimeOffset now);

    /// <summary>Scheduling links and meeting types.</summary>
    partial void SeedScheduling(DateTimeOffset now);

    /// <summary>Handoff, Concierge and Distro routers.</summary>
    partial void SeedRouters(DateTimeOffset now);

    /// <summary>Distro routers and their schedulers.</summary>
    partial void SeedDistro(DateTimeOffset now);

    public TimeProvider Time { get; }

    public ChiliPiperTenant Tenant { get; internal set; } = null!;

    internal Lock Sync { get; } = new();

    internal List<ChiliPiperUser> UserList { get; } = [];

    internal List<Workspace> WorkspaceList { get; } = [];

    internal List<ChiliPiperApiToken> TokenList { get; } = [];

    internal List<Team> TeamList { get; } = [];

    internal List<Distribution> DistributionList { get; } = [];

    internal List<RoutingRule> RuleList { get; } = [];

    internal List<Meeting> MeetingList { get; } = [];

    public IReadOnlyList<ChiliPiperUser> GetUsers() => Snapshot(UserList);

    public IReadOnlyList<Team> GetTeams() => Snapshot(TeamList);

    public IReadOnlyList<Distribution> GetDistributions() => Snapshot(DistributionList);

    public IReadOnlyList<RoutingRule> GetRules() => Snapshot(RuleList);

    public IReadOnlyList<Meeting> GetMeetings() => Snapshot(MeetingList);

    internal ChiliPiperApiToken? FindToken(string token) => TokenList.Find(t => t.Token == token);

    internal ChiliPiperUser? FindUser(string userId) => UserList.Find(u => u.Id == userId);

    internal ChiliPiperUser? FindUserByEmail(string email)
        => UserList.Find(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    internal Workspace? FindWorkspace(string workspaceId) => WorkspaceList.Find(w => w.Id == workspaceId);

    internal Team? FindTeam(string teamId) => TeamList.Find(t => t.Id == teamId);

    internal Distribution? FindDistribution(string distributionId) => DistributionList.Find(d => d.Id == distributionId);

    internal RoutingRule? FindRule(string ruleId) => RuleList.Find(r => r.Id == ruleId && !r.Deleted);

    internal Meeting? FindMeeting(string meetingId) => MeetingList.Find(m => m.Id == meetingId);

    /// <summary>Active meetings of a user overlapping the interval; availability subtracts these.</summary>
    internal IEnumerable<Meeting> BusyMeetings(string userId, DateTimeOffset start, DateTimeOffset end)
        => MeetingList.Where(m => m.IsActive && (m.HostId == userId || m.AssigneeId == userId) && m.Overlaps(start, end));

    /// <summary>Slugs appear in personal booking URLs, so they must be unique and URL-safe.</summary>
    internal string UniqueSlug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var stem = builder.ToString().Trim('-');
        if (stem.Length == 0)
        {
            stem = "user";
        }

        var slug = stem;
        for (var suffix = 2; UserList.Exists(u => u.Slug == slug); suffix++)
        {
            slug = stem + "-" + suffix;
        }

        return slug;
    }

    private T[] Snapshot<T>(List<T> source)
    {
        lock (Sync)
        {
            return source.ToArray();
        }
    }
}
