namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Fixed ids of the demo meeting types, scheduling links, Handoff routers and Concierge routers.</summary>
public static class ChiliPiperBookingSeed
{
    /// <summary>Sales, 30 minutes on 30-minute steps.</summary>
    public const string IntroCallMeetingTypeId = "e5000000-0000-4000-8000-000000000001";

    /// <summary>Sales, 45 minutes on 15-minute steps.</summary>
    public const string DemoMeetingTypeId = "e5000000-0000-4000-8000-000000000002";

    /// <summary>Customer Success, 60 minutes on 60-minute steps.</summary>
    public const string OnboardingMeetingTypeId = "e5000000-0000-4000-8000-000000000003";

    /// <summary>Round robin over <see cref="ChiliPiperSeed.SalesRoundRobinId"/>, slug <c>sales-demo</c>, Demo meetings.</summary>
    public const string SalesDemoLinkId = "f6000000-0000-4000-8000-000000000001";
    public const string SalesDemoLinkSlug = "sales-demo";

    /// <summary>Round robin over <see cref="ChiliPiperSeed.SuccessRoundRobinId"/>, slug <c>success-onboarding</c>.</summary>
    public const string SuccessOnboardingLinkId = "f6000000-0000-4000-8000-000000000002";
    public const string SuccessOnboardingLinkSlug = "success-onboarding";

    /// <summary>Admin one-on-one with Alice, slug <c>alice-office-hours</c>, Intro calls.</summary>
    public const string AliceOfficeHoursLinkId = "f6000000-0000-4000-8000-000000000003";
    public const string AliceOfficeHoursLinkSlug = "alice-office-hours";

    /// <summary>Group link: Bob and Carol required, Alice optional; slug <c>deal-review</c>.</summary>
    public const string DealReviewLinkId = "f6000000-0000-4000-8000-000000000004";
    public const string DealReviewLinkSlug = "deal-review";

    /// <summary>Ownership link: the guest's previous host, else the Sales round robin; slug <c>account-owner</c>.</summary>
    public const string AccountOwnerLinkId = "f6000000-0000-4000-8000-000000000005";
    public const string AccountOwnerLinkSlug = "account-owner";

    /// <summary>Sales Handoff router: strategic accounts (emails at bigco.example) to Carol, everyone else to the Sales round robin.</summary>
    public const string SalesHandoffRouterId = "a7000000-0000-4000-8000-000000000001";
    public const string StrategicAccountsPathId = "a8000000-0000-4000-8000-000000000001";
    public const string SalesRoundRobinPathId = "a8000000-0000-4000-8000-000000000002";

    /// <summary>Customer Success Handoff router: everyone to the Success round robin.</summary>
    public const string SuccessHandoffRouterId = "a7000000-0000-4000-8000-000000000002";
    public const string SuccessRoundRobinPathId = "a8000000-0000-4000-8000-000000000003";

    /// <summary>
    /// Concierge router <c>inbound-demo</c> (Sales): students and competitor.example emails are disqualified,
    /// companies of 1000+ employees (CompanyEmployees) go to Carol, everyone else to the Sales round robin.
    /// </summary>
    public const string InboundDemoRouterId = "a9000000-0000-4000-8000-000000000001";
    public const string InboundDemoRouterSlug = "inbound-demo";
    public const string DisqualifyRouteId = "aa000000-0000-4000-8000-000000000001";
    public const string EnterpriseRouteId = "aa000000-0000-4000-8000-000000000002";

    /// <summary>Concierge router <c>customer-onboarding</c> (Customer Success): everyone to the Success round robin.</summary>
    public const string CustomerOnboardingRouterId = "a9000000-0000-4000-8000-000000000002";
    public const string CustomerOnboardingRouterSlug = "customer-onboarding";
}
