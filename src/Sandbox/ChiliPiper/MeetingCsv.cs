using System.Text;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>The meeting export file: a header row, then one RFC 4180 row per meeting.</summary>
internal static class MeetingCsv
{
    private static readonly string[] Columns =
    [
        "meetingId", "meetingStatus", "start", "end", "bookedAt", "workspaceId", "meetingTypeId", "hostId", "hostEmail", "hostName",
        "assigneeId", "bookerId", "guestEmail", "guestName", "source", "crmEventId", "canceledAt",
    ];

    public static string Write(ChiliPiperState state, IEnumerable<Meeting> meetings)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Columns);
        foreach (var meeting in meetings)
        {
            var host = state.FindUser(meeting.HostId);
            AppendRow(csv,
            [
                meeting.Id, state.Meetings.StatusOf(meeting), Instant(meeting.Start), Instant(meeting.End), Instant(meeting.BookedAt),
                meeting.WorkspaceId, meeting.MeetingTypeId, meeting.HostId, host?.Email, host?.Name,
                meeting.AssigneeId, meeting.BookerId, meeting.GuestEmail, meeting.GuestName, meeting.Source, meeting.CrmEventId,
                meeting.CanceledAt is { } canceledAt ? Instant(canceledAt) : null,
            ]);
        }

        return csv.ToString();
    }

    private static void AppendRow(StringBuilder csv, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i] ?? string.Empty;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append('\n');
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(UtcInstantConverter.Format, CultureInfo.InvariantCulture);
}
