using System.Text;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// In-memory Chili Piper organization: tenant, users, workspaces, tokens, teams, distributions, rules and meetings,
/// composed with one state type per API area (<see cref="Admin"/>, <see cref="Booking"/>, <see cref="Meetings"/>). All of
/// it shares one lock, <see cref="Sync"/>; public accessors return snapshots so tests can enumerate without holding it.
/// </summary>
public sealed class ChiliPiperState
{
    internal ChiliPiperState(TimeProvider time)
    {
        Time = time;
        Admin = new AdminState(this);
        Booking = new BookingState(this);
        Meetings = new MeetingsState(this);

        // The organization first, then each area's own data, in an order where every area finds what it builds on.
        var now = time.GetUtcNow();
        ChiliPiperSeed.Populate(this, now);
        Admin.SeedTeams(now);
        Admin.SeedDistributions(now);
        Admin.SeedRules(now);
        Meetings.SeedMeetings(now);
        Booking.SeedScheduling(now);
        Booking.SeedRouters(now);
        Meetings.SeedDistro(now);
    }

    /// <summary>Teams, distributions and rules: seed data and membership ripple effects.</summary>
    public AdminState Admin { get; }

    /// <summary>Meeting types, scheduling links, routing sessions, Handoff and Concierge routers.</summary>
    public BookingState Booking { get; }

    /// <summary>Meeting lifecycle and Distro routers.</summary>
    public MeetingsState Meetings { get; }

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

    internal T[] Snapshot<T>(List<T> source)
    {
        lock (Sync)
        {
            return source.ToArray();
        }
    }
}
