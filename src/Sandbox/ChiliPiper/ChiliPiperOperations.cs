namespace Serverless.Sandbox.ChiliPiper;

/// <summary>An Edge operation and the token permission it requires; the 403 message names both.</summary>
internal sealed record ChiliPiperOperation(string OperationId, string Permission);

/// <summary>Catalogue of the operations the twin serves (operation ids as in the vendor's Edge catalogue).</summary>
internal static class ChiliPiperOperations
{
    public static readonly ChiliPiperOperation HealthPing = new("healthPing", "api.ping");
    public static readonly ChiliPiperOperation TenantGet = new("tenantGet", "tenant.read");

    public static readonly ChiliPiperOperation UserFind = new("userFind", "user.read");
    public static readonly ChiliPiperOperation UserFindByFilter = new("userFindByFilter", "user.read");
    public static readonly ChiliPiperOperation UserFindByIds = new("userFindByIds", "user.read");
    public static readonly ChiliPiperOperation UserRead = new("userRead", "user.read");
    public static readonly ChiliPiperOperation UserInvite = new("userInvite", "user.create");
    public static readonly ChiliPiperOperation UserUpdateLicenses = new("userUpdateLicenses", "licenses.modify");


    public static readonly ChiliPiperOperation WorkspaceList = new("workspaceList", "workspace.read");
    public static readonly ChiliPiperOperation WorkspaceListUsers = new("workspaceListUsers", "workspace.read");
    public static readonly ChiliPiperOperation WorkspaceAddUsers = new("workspaceAddUsers", "workspace.modify");
    public static readonly ChiliPiperOperation WorkspaceRemoveUsers = new("workspaceRemoveUsers", "workspace.modify");
    public static readonly ChiliPiperOperation WorkspaceRemoveUsersAll = new("workspaceRemoveUsersAll", "workspace.modify");

    public static readonly ChiliPiperOperation TeamListPut = new("teamListPut", "team.read");
    public static readonly ChiliPiperOperation TeamAddUsers = new("teamAddUsers", "team.modify");
    public static readonly ChiliPiperOperation TeamRemoveUsers = new("teamRemoveUsers", "team.modify");
    public static readonly ChiliPiperOperation TeamRemoveUsersAll = new("teamRemoveUsersAll", "team.modify");

    public static readonly ChiliPiperOperation DistributionListPut = new("distributionListPut", "distribution.read");
    public static readonly ChiliPiperOperation DistributionCreate = new("distributionCreate", "distribution.modify");
    public static readonly ChiliPiperOperation DistributionUpdateV3 = new("distributionUpdateV3", "distribution.modify");
    public static readonly ChiliPiperOperation DistributionAdjustV3 = new("distributionAdjustV3", "distribution.modify");
    public static readonly ChiliPiperOperation DistributionDelete = new("distributionDelete", "distribution.remove");

    public static readonly ChiliPiperOperation RuleList = new("ruleList", "rule.read");
    public static readonly ChiliPiperOperation RuleGet = new("ruleGet", "rule.read");
    public static readonly ChiliPiperOperation RuleCreate = new("ruleCreate", "rule.create");
    public static readonly ChiliPiperOperation RuleModify = new("ruleModify", "rule.modify");
    public static readonly ChiliPiperOperation RuleDelete = new("ruleDelete", "rule.remove");


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


    public static readonly ChiliPiperOperation MeetingListPut = new("meetingListPut", "meeting.read");
    public static readonly ChiliPiperOperation MeetingGet = new("meetingGet", "meeting.read");
    public static readonly ChiliPiperOperation MeetingExportV2Put = new("meetingExportV2Put", "meeting.read");
    public static readonly ChiliPiperOperation MeetingCancel = new("meetingCancel", "meeting.modify");
    public static readonly ChiliPiperOperation MeetingNoShow = new("meetingNoshow", "meeting.modify");
    public static readonly ChiliPiperOperation MeetingActivity = new("meetingActivity", "meeting.read");

    // The CRM variants publish no permission; they act on the same meetings, so they ask for the meeting permissions.
    public static readonly ChiliPiperOperation CrmGet = new("crmGet", "meeting.read");
    public static readonly ChiliPiperOperation CrmCancel = new("crmCancel", "meeting.modify");
    public static readonly ChiliPiperOperation CrmNoShow = new("crmNoshow", "meeting.modify");
    public static readonly ChiliPiperOperation CrmActivity = new("crmActivity", "meeting.read");

    public static readonly ChiliPiperOperation DistroListRouters = new("distroListRouters", "distro.read");

    // Unpublished; a run changes CRM records, so it needs more than the read permission.
    public static readonly ChiliPiperOperation ResourceSchedulerRun = new("resourceSchedulerRun", "distro.modify");
}
