namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Fixed ids of the demo Chili Piper organization.</summary>
public static class ChiliPiperSeed
{
    public const string TenantId = "sandbox-demo.app1";
    public const string Cluster = "us";
    public const string Subdomain = "sandbox-demo";
    public const string Domain = "sandbox-demo.example";

    public const string SalesWorkspaceId = "b2000000-0000-4000-8000-000000000001";
    public const string CustomerSuccessWorkspaceId = "b2000000-0000-4000-8000-000000000002";

    /// <summary>Super admin, every licence, member and manager of both workspaces (America/New_York).</summary>
    public const string AliceAdminId = "a1000000-0000-4000-8000-000000000001";
    public const string AliceAdminEmail = "alice.admin@sandbox-demo.example";

    /// <summary>Sales rep: ChiliCal, Handoff, Distro, Concierge (America/Chicago).</summary>
    public const string BobSellerId = "a1000000-0000-4000-8000-000000000002";
    public const string BobSellerEmail = "bob.seller@sandbox-demo.example";

    /// <summary>Account executive: ChiliCal, Concierge, Concierge Live; works 10:00-18:00 (America/Los_Angeles).</summary>
    public const string CarolCloserId = "a1000000-0000-4000-8000-000000000003";
    public const string CarolCloserEmail = "carol.closer@sandbox-demo.example";

    /// <summary>Support agent: ChiliCal, Chat; works Monday-Thursday (Europe/London).</summary>
    public const string DanSupportId = "a1000000-0000-4000-8000-000000000004";
    public const string DanSupportEmail = "dan.support@sandbox-demo.example";

    /// <summary>CSM: ChiliCal, Handoff; manages Customer Success (America/Sao_Paulo).</summary>
    public const string EveSuccessId = "a1000000-0000-4000-8000-000000000005";
    public const string EveSuccessEmail = "eve.success@sandbox-demo.example";

    /// <summary>No licences and no workspaces: the natural target for licence and workspace writes (UTC).</summary>
    public const string FrankNewhireId = "a1000000-0000-4000-8000-000000000006";
    public const string FrankNewhireEmail = "frank.newhire@sandbox-demo.example";

    public const string SalesTeamId = "c3000000-0000-4000-8000-000000000001";
    public const string SuccessTeamId = "c3000000-0000-4000-8000-000000000002";

    /// <summary>Meeting round robin over the Sales team (Bob and Carol, equal weights).</summary>
    public const string SalesRoundRobinId = "d4000000-0000-4000-8000-000000000001";

    /// <summary>Meeting round robin over the Customer Success team (Dan and Eve, Eve weighted double).</summary>
    public const string SuccessRoundRobinId = "d4000000-0000-4000-8000-000000000002";

    internal static void Populate(ChiliPiperState state, DateTimeOffset now)
    {
        state.Tenant = new ChiliPiperTenant
        {
            TenantId = TenantId,
            Cluster = Cluster,
            Subdomain = Subdomain,
            Domains = [Domain],
        };

        state.TokenList.Add(new ChiliPiperApiToken
        {
            Token = SandboxCredentials.ChiliPiperAdminToken,
            Name = "Sandbox admin",
            Permissions = ["*"],
        });
        state.TokenList.Add(new ChiliPiperApiToken
        {
            Token = SandboxCredentials.ChiliPiperReadOnlyToken,
            Name = "Sandbox read-only",
            Permissions = ["*.read", "api.ping"],
        });

        var createdAt = now.AddDays(-180);
        var creator = "user/" + AliceAdminId;
        state.WorkspaceList.Add(new Workspace
        {
            Id = SalesWorkspaceId,
            Name = "Sales",
            Emoji = "💼",
            CreatedAt = createdAt,
            CreatedBy = creator,
            UpdatedAt = createdAt,
            UpdatedBy = creator,
        });
        state.WorkspaceList.Add(new Workspace
        {
            Id = CustomerSuccessWorkspaceId,
            Name = "Customer Success",
            Emoji = "🤝",
            CreatedAt = createdAt,
            CreatedBy = creator,
            UpdatedAt = createdAt,
            UpdatedBy = creator,
        });

        var weekdays = WeeklyHours(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "09:00", "17:00");

        var alice = User(state, AliceAdminId, "Alice Admin", AliceAdminEmail, "America/New_York", weekdays, createdAt,
            new UserLicenses(true, true, true, true, true, true), SalesWorkspaceId, CustomerSuccessWorkspaceId);
        alice.IsSuperAdmin = true;
        alice.ManagedWorkspaces.AddRange([SalesWorkspaceId, CustomerSuccessWorkspaceId]);

        User(state, BobSellerId, "Bob Seller", BobSellerEmail, "America/Chicago", weekdays, createdAt.AddDays(10),
            new UserLicenses(true, true, true, true, false, false), SalesWorkspaceId);

        User(state, CarolCloserId, "Carol Closer", CarolCloserEmail, "America/Los_Angeles",
            WeeklyHours(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "10:00", "18:00"), createdAt.AddDays(20),
            new UserLicenses(true, false, false, true, true, false), SalesWorkspaceId);

        User(state, DanSupportId, "Dan Support", DanSupportEmail, "Europe/London",
            WeeklyHours(["Monday", "Tuesday", "Wednesday", "Thursday"], "08:00", "16:00"), createdAt.AddDays(30),
            new UserLicenses(true, false, false, false, false, true), CustomerSuccessWorkspaceId);

        var eve = User(state, EveSuccessId, "Eve Success", EveSuccessEmail, "America/Sao_Paulo", weekdays, createdAt.AddDays(40),
            new UserLicenses(true, true, false, false, false, false), CustomerSuccessWorkspaceId);
        eve.ManagedWorkspaces.Add(CustomerSuccessWorkspaceId);

        User(state, FrankNewhireId, "Frank Newhire", FrankNewhireEmail, "UTC", weekdays, now.AddDays(-2), UserLicenses.None);

        Team(state, SalesTeamId, SalesWorkspaceId, "Sales Reps", createdAt, BobSellerId, CarolCloserId);
        Team(state, SuccessTeamId, CustomerSuccessWorkspaceId, "Success Managers", createdAt, DanSupportId, EveSuccessId);
        RoundRobin(state, SalesRoundRobinId, SalesWorkspaceId, SalesTeamId, "Sales demo round robin", createdAt,
            (BobSellerId, 100), (CarolCloserId, 100));
        RoundRobin(state, SuccessRoundRobinId, CustomerSuccessWorkspaceId, SuccessTeamId, "Success onboarding round robin", createdAt,
            (DanSupportId, 100), (EveSuccessId, 200));
    }

    private static void Team(ChiliPiperState state, string id, string workspaceId, string name, DateTimeOffset createdAt, params string[] members)
    {
        var team = new Team { Id = id, WorkspaceId = workspaceId, Name = name, CreatedAt = createdAt, UpdatedAt = createdAt };
        team.Members.AddRange(members);
        state.TeamList.Add(team);
    }

    private static void RoundRobin(
        ChiliPiperState state, string id, string workspaceId, string teamId, string name, DateTimeOffset createdAt, params (string UserId, int Weight)[] weights)
    {
        var distribution = new Distribution
        {
            Id = id,
            WorkspaceId = workspaceId,
            TeamId = teamId,
            Name = name,
            AssignmentType = "Meeting",
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
        };
        foreach (var (userId, weight) in weights)
        {
            distribution.Weights[userId] = weight;
            distribution.StateOf(userId);
        }

        state.DistributionList.Add(distribution);
    }

    private static ChiliPiperUser User(
        ChiliPiperState state, string id, string name, string email, string timeZone, IReadOnlyList<WorkingHoursRange> hours,
        DateTimeOffset createdAt, UserLicenses licenses, params string[] workspaces)
    {
        var user = new ChiliPiperUser
        {
            Id = id,
            Name = name,
            Email = email,
            Licenses = licenses,
            Slug = state.UniqueSlug(name),
            TimeZone = timeZone,
            WorkingHours = hours,
            CreatedAt = createdAt,
        };
        user.Workspaces.AddRange(workspaces);
        state.UserList.Add(user);
        return user;
    }

    internal static IReadOnlyList<WorkingHoursRange> WeeklyHours(IEnumerable<string> days, string start, string end)
        => days.Select(day => new WorkingHoursRange(day, start, end)).ToArray();
}
