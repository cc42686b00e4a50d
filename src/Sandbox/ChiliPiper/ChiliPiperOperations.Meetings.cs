namespace Serverless.Sandbox.ChiliPiper;

internal static partial class ChiliPiperOperations
{
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
