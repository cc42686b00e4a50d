using static Serverless.Sandbox.ChiliPiper.ChiliPiperBookingSeed;
using static Serverless.Sandbox.ChiliPiper.ChiliPiperSeed;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>The booking flows' world: meeting types, scheduling links, routing sessions, Handoff and Concierge routers and their logs.</summary>
public sealed class BookingState
{
    private readonly ChiliPiperState _core;

    internal BookingState(ChiliPiperState core) => _core = core;

    internal List<MeetingType> MeetingTypeList { get; } = [];

    internal List<SchedulingLink> SchedulingLinkList { get; } = [];

    internal List<RoutingSession> RoutingSessionList { get; } = [];

    internal List<HandoffRouter> HandoffRouterList { get; } = [];

    internal List<ConciergeRouter> ConciergeRouterList { get; } = [];

    internal List<ConciergeLogEntry> ConciergeLogList { get; } = [];

    internal MeetingType? FindMeetingType(string meetingTypeId) => MeetingTypeList.Find(t => t.Id == meetingTypeId);

    internal RoutingSession? FindSession(string routingId) => RoutingSessionList.Find(s => s.Id == routingId);

    /// <summary>The meeting types a user can be booked for: those of the user's workspaces.</summary>
    internal IEnumerable<MeetingType> MeetingTypesOf(ChiliPiperUser user) => MeetingTypeList.Where(t => user.Workspaces.Contains(t.WorkspaceId));

    /// <summary>Base of the public booking pages, on the tenant's subdomain.</summary>
    internal string PublicUrl(string path) => $"https://{_core.Tenant.Subdomain}.chilipiper.com/{path}";

    internal void SeedScheduling(DateTimeOffset now)
    {
        var created = now.AddDays(-90);
        MeetingTypeList.Add(new MeetingType
        {
            Id = IntroCallMeetingTypeId, WorkspaceId = SalesWorkspaceId, Name = "Intro call", Slug = "intro-call",
            Duration = TimeSpan.FromMinutes(30), Increment = TimeSpan.FromMinutes(30),
        });
        MeetingTypeList.Add(new MeetingType
        {
            Id = DemoMeetingTypeId, WorkspaceId = SalesWorkspaceId, Name = "Product demo", Slug = "product-demo",
            Duration = TimeSpan.FromMinutes(45), Increment = TimeSpan.FromMinutes(15),
        });
        MeetingTypeList.Add(new MeetingType
        {
            Id = OnboardingMeetingTypeId, WorkspaceId = CustomerSuccessWorkspaceId, Name = "Onboarding session", Slug = "onboarding-session",
            Duration = TimeSpan.FromMinutes(60), Increment = TimeSpan.FromMinutes(60),
        });

        SchedulingLinkList.Add(new SchedulingLink
        {
            Id = SalesDemoLinkId, Kind = SchedulingLinkKind.RoundRobin, WorkspaceId = SalesWorkspaceId, Name = "Sales demo",
            Slug = SalesDemoLinkSlug, MeetingTypeIds = [DemoMeetingTypeId], DistributionId = SalesRoundRobinId, CreatedAt = created,
        });
        SchedulingLinkList.Add(new SchedulingLink
        {
            Id = SuccessOnboardingLinkId, Kind = SchedulingLinkKind.RoundRobin, WorkspaceId = CustomerSuccessWorkspaceId, Name = "Customer onboarding",
            Slug = SuccessOnboardingLinkSlug, MeetingTypeIds = [OnboardingMeetingTypeId], DistributionId = SuccessRoundRobinId, CreatedAt = created,
        });
        SchedulingLinkList.Add(new SchedulingLink
        {
            Id = AliceOfficeHoursLinkId, Kind = SchedulingLinkKind.AdminOneOnOne, WorkspaceId = SalesWorkspaceId, Name = "Alice's office hours",
            Slug = AliceOfficeHoursLinkSlug, MeetingTypeIds = [IntroCallMeetingTypeId], HostId = AliceAdminId, CreatedAt = created,
        });
        SchedulingLinkList.Add(new SchedulingLink
        {
            Id = DealReviewLinkId, Kind = SchedulingLinkKind.Group, WorkspaceId = SalesWorkspaceId, Name = "Deal review",
            Slug = DealReviewLinkSlug, MeetingTypeIds = [IntroCallMeetingTypeId],
            Members = [(BobSellerId, true), (CarolCloserId, true), (AliceAdminId, false)], CreatedAt = created,
        });
        SchedulingLinkList.Add(new SchedulingLink
        {
            Id = AccountOwnerLinkId, Kind = SchedulingLinkKind.Ownership, WorkspaceId = SalesWorkspaceId, Name = "Meet your account owner",
            Slug = AccountOwnerLinkSlug, MeetingTypeIds = [IntroCallMeetingTypeId], DistributionId = SalesRoundRobinId, CreatedAt = created,
        });
    }

    internal void SeedRouters(DateTimeOffset now)
    {
        HandoffRouterList.Add(new HandoffRouter
        {
            Id = SalesHandoffRouterId,
            WorkspaceId = SalesWorkspaceId,
            Name = "SDR to AE handoff",
            Paths =
            [
                new HandoffPath
                {
                    Id = StrategicAccountsPathId, Name = "Strategic accounts", MeetingTypeId = DemoMeetingTypeId, UserId = CarolCloserId,
                    Conditions = RouterCondition("PersonEmail", "endsWith", "@bigco.example"),
                },
                new HandoffPath { Id = SalesRoundRobinPathId, Name = "AE round robin", MeetingTypeId = DemoMeetingTypeId, DistributionId = SalesRoundRobinId },
            ],
        });
        HandoffRouterList.Add(new HandoffRouter
        {
            Id = SuccessHandoffRouterId,
            WorkspaceId = CustomerSuccessWorkspaceId,
            Name = "Sales to Customer Success handoff",
            Paths = [new HandoffPath { Id = SuccessRoundRobinPathId, Name = "CSM round robin", MeetingTypeId = OnboardingMeetingTypeId, DistributionId = SuccessRoundRobinId }],
        });

        var created = now.AddDays(-60);
        ConciergeRouterList.Add(new ConciergeRouter
        {
            Id = InboundDemoRouterId,
            WorkspaceId = SalesWorkspaceId,
            Name = "Inbound demo requests",
            Slug = InboundDemoRouterSlug,
            FormFields = ["PersonEmail", "PersonFirstName", "PersonLastName", "PersonJobTitle", "CompanyName", "CompanyEmployees"],
            Rules =
            [
                new ConciergeRoute
                {
                    Id = DisqualifyRouteId, RuleId = "ab000000-0000-4000-8000-000000000001", Name = "Students and competitors",
                    Conditions = new JsonObject
                    {
                        ["type"] = "ConditionGroup",
                        ["id"] = "ac000000-0000-4000-8000-000000000001",
                        ["operator"] = "or",
                        ["conditions"] = new JsonArray(
                            RouterCondition("PersonJobTitle", "equals", "Student"),
                            RouterCondition("PersonEmail", "endsWith", "@competitor.example")),
                    },
                    Action = new ConciergeAction { Disqualify = true, RedirectUrl = "https://" + Domain + "/thanks" },
                },
                new ConciergeRoute
                {
                    Id = EnterpriseRouteId, RuleId = "ab000000-0000-4000-8000-000000000002", Name = "Enterprise to Carol",
                    Conditions = RouterCondition("CompanyEmployees", "gte", "1000"),
                    Action = new ConciergeAction { MeetingTypeId = DemoMeetingTypeId, UserId = CarolCloserId },
                },
            ],
            CatchAll = new ConciergeAction { MeetingTypeId = IntroCallMeetingTypeId, DistributionId = SalesRoundRobinId },
            CreatedBy = AliceAdminId,
            CreatedAt = created,
        });
        ConciergeRouterList.Add(new ConciergeRouter
        {
            Id = CustomerOnboardingRouterId,
            WorkspaceId = CustomerSuccessWorkspaceId,
            Name = "Customer onboarding",
            Slug = CustomerOnboardingRouterSlug,
            FormFields = ["PersonEmail", "PersonFirstName", "PersonLastName", "CompanyName"],
            Rules = [],
            CatchAll = new ConciergeAction { MeetingTypeId = OnboardingMeetingTypeId, DistributionId = SuccessRoundRobinId },
            CreatedBy = EveSuccessId,
            CreatedAt = created,
        });
    }

    private static JsonObject RouterCondition(string field, string op, string value) => new()
    {
        ["type"] = "StaticValueCondition",
        ["conditionId"] = "cond-" + field + "-" + op,
        ["dataReference"] = new JsonObject { ["source"] = "CP", ["object"] = "Form", ["field"] = field },
        ["operator"] = op,
        ["value"] = value,
    };
}
