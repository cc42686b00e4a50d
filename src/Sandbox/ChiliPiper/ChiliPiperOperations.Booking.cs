namespace Serverless.Sandbox.ChiliPiper;

internal static partial class ChiliPiperOperations
{
    // The personal list is the one link read the spec guards with user.read rather than scheduling-links.read.
    public static readonly ChiliPiperOperation SchedulingLinkListPersonal = new("schedulingLinkListPersonal", "user.read");
    public static readonly ChiliPiperOperation SchedulingLinkListRoundRobin = new("schedulingLinkListRoundRobin", "scheduling-links.read");
    public static readonly ChiliPiperOperation SchedulingLinkListAdminOneOnOne = new("schedulingLinkListAdminOneOnOne", "scheduling-links.read");
    public static readonly ChiliPiperOperation SchedulingLinkListGroup = new("schedulingLinkListGroup", "scheduling-links.read");
    public static readonly ChiliPiperOperation SchedulingLinkListOwnership = new("schedulingLinkListOwnership", "scheduling-links.read");
    public static readonly ChiliPiperOperation SchedulingLinkInit = new("schedulingLinkInit", "scheduling-links.schedule");
    public static readonly ChiliPiperOperation SchedulingLinkSchedule = new("schedulingLinkSchedule", "scheduling-links.schedule");
    public static readonly ChiliPiperOperation AvailabilitySlots = new("availabilitySlots", "availability.read");

    public static readonly ChiliPiperOperation HandoffInit = new("handoffInit", "handoff.schedule");
    public static readonly ChiliPiperOperation HandoffSchedule = new("handoffSchedule", "handoff.schedule");

    public static readonly ChiliPiperOperation ConciergeListRouters = new("conciergeListRouters", "concierge.read");
    public static readonly ChiliPiperOperation ConciergeRoute = new("conciergeRoute", "concierge.schedule");
    public static readonly ChiliPiperOperation ConciergeRouteBySlug = new("conciergeRouteBySlug", "concierge.schedule");
    public static readonly ChiliPiperOperation ConciergeSchedule = new("conciergeSchedule", "concierge.schedule");
    public static readonly ChiliPiperOperation ConciergeLogs = new("conciergeLogs", "logs.read");
}
