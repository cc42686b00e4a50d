using System.Globalization;
using Serverless.Sandbox.ChiliPiper;

namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    private const string MeetingsUnknownId = "00000000-0000-4000-8000-0000000000ff";

    public static IEnumerable<ToolCase> Meetings
    {
        get
        {
            // Seeded meetings sit between two days ago and three days ahead of the sandbox's start, so this window
            // (a little under seven days, read from one clock value) holds them all.
            var now = DateTimeOffset.UtcNow;
            var start = MeetingsIso(now.AddDays(-3));
            var end = MeetingsIso(now.AddDays(3.9));
            var tooLate = MeetingsIso(now.AddDays(5));
            return MeetingRows(start, end, tooLate);
        }
    }

    private static ToolCase[] MeetingRows(string windowStart, string windowEnd, string tooLate)
    {
        var window = $$"""{"start":"{{windowStart}}","end":"{{windowEnd}}"}""";
        return
        [
            new("meeting-list-put", window),
            new("meeting-list-put", $$$"""{"start":"{{{windowStart}}}","end":"{{{windowEnd}}}","status":["Active","Completed"],"workspaceIds":["{{{ChiliPiperSeed.SalesWorkspaceId}}}"],"pagination":{"page":0,"pageSize":2}}""", Label: "filters and paging"),
            new("meeting-list-put", window, Key: CaseKey.ChiliPiperReadOnly, Label: "read-only token"),
            new("meeting-list-put", $$"""{"start":"{{windowStart}}","end":"{{tooLate}}"}""", "DATE_RANGE_TOO_LONG", Label: "eight days"),
            new("meeting-list-put", $$"""{"start":"{{windowEnd}}","end":"{{windowStart}}"}""", "INVALID_DATE_RANGE", Label: "reversed"),
            new("meeting-get", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.UpcomingMeetingId}}"}"""),
            new("meeting-get", $$"""{"meetingId":"{{MeetingsUnknownId}}"}""", "MeetingNotFound", Label: "unknown id"),
            new("meeting-get", """{"meetingId":"m-123"}""", "INVALID_ARGUMENT", Label: "not a uuid"),
            new("meeting-export-v2-put", window),
            new("meeting-export-v2-put", $$"""{"start":"{{windowStart}}","end":"{{windowEnd}}","hostIds":["{{ChiliPiperSeed.CarolCloserId}}"],"bookerIds":["{{ChiliPiperSeed.AliceAdminId}}"],"status":["Active"]}""", Label: "filters"),
            new("meeting-export-v2-put", $$"""{"start":"{{windowStart}}","end":"{{tooLate}}"}""", "DATE_RANGE_TOO_LONG", Label: "eight days"),
            new("meeting-cancel", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.UpcomingMeetingId}}"}"""),
            new("meeting-cancel", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.CanceledMeetingId}}"}""", "Failure", Label: "already canceled"),
            new("meeting-cancel", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.UpcomingMeetingId}}"}""", "Failure", Label: "cancelled twice",
                Before: [new("meeting-cancel", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.UpcomingMeetingId}}"}""")]),
            new("meeting-cancel", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.UpcomingMeetingId}}"}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
            new("meeting-cancel", $$"""{"meetingId":"{{MeetingsUnknownId}}"}""", "MeetingNotFound", Label: "unknown id"),
            new("meeting-noshow", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.PastMeetingId}}"}"""),
            new("meeting-noshow", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.UpcomingMeetingId}}"}""", "Failure", Label: "not started"),
            new("meeting-noshow", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.PastMeetingId}}"}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
            new("meeting-activity", $$"""{"meetingId":"{{ChiliPiperMeetingSeed.PastMeetingId}}"}"""),
            new("meeting-activity", $$"""{"meetingId":"{{MeetingsUnknownId}}"}""", "MeetingNotFound", Label: "unknown id"),

            new("crm-get", $$"""{"crmEventId":"{{ChiliPiperMeetingSeed.PastMeetingCrmEventId}}"}"""),
            new("crm-get", $$"""{"crmEventId":"{{ChiliPiperMeetingSeed.NoShowMeetingCrmEventId[..15]}}"}""", Label: "15-character form of an 18-character id"),
            new("crm-get", """{"crmEventId":"00U000000000000"}""", "MeetingNotFound", Label: "no linked meeting"),
            new("crm-get", """{"crmEventId":" "}""", "INVALID_ARGUMENT", Label: "blank id"),
            new("crm-cancel", $$"""{"crmEventId":"{{ChiliPiperMeetingSeed.UpcomingMeetingCrmEventId}}"}"""),
            new("crm-cancel", $$"""{"crmEventId":"{{ChiliPiperMeetingSeed.CanceledMeetingCrmEventId}}"}""", "Failure", Label: "already canceled"),
            new("crm-cancel", $$"""{"crmEventId":"{{ChiliPiperMeetingSeed.UpcomingMeetingCrmEventId}}"}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
            new("crm-noshow", $$"""{"crmEventId":"{{ChiliPiperMeetingSeed.PastMeetingCrmEventId}}"}"""),
            new("crm-noshow", $$"""{"crmEventId":"{{ChiliPiperMeetingSeed.NoShowMeetingCrmEventId}}"}""", "Failure", Label: "already a no-show"),
            new("crm-noshow", """{"crmEventId":"38490000"}""", "MeetingNotFound", Label: "no linked meeting"),
            new("crm-activity", $$"""{"crmEventId":"{{ChiliPiperMeetingSeed.SuccessMeetingCrmEventId}}"}"""),
            new("crm-activity", """{"crmEventId":"38490000"}""", "MeetingNotFound", Label: "no linked meeting"),

            new("distro-list-routers", "{}"),
            new("distro-list-routers", "{}", Key: CaseKey.ChiliPiperReadOnly, Label: "read-only token"),
            new("resource-scheduler-run", $$"""{"resourceSchedulerId":"{{ChiliPiperMeetingSeed.LeadSweepSchedulerId}}"}"""),
            new("resource-scheduler-run", $$"""{"resourceSchedulerId":"{{MeetingsUnknownId}}"}""", "ResourceSchedulerNotFound", Label: "unknown scheduler"),
            new("resource-scheduler-run", """{"resourceSchedulerId":"nightly-sweep"}""", "INVALID_ARGUMENT", Label: "not a uuid"),
            new("resource-scheduler-run", $$"""{"resourceSchedulerId":"{{ChiliPiperMeetingSeed.LeadSweepSchedulerId}}"}""", "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        ];
    }

    private static string MeetingsIso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
