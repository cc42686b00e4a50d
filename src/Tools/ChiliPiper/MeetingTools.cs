using System.Globalization;
using Microsoft.Extensions.Options;

namespace Serverless.Tools.ChiliPiper;

/// <summary>Chili Piper meetings: finding, reading, exporting, cancelling and marking no-shows.</summary>
[McpServerToolType]
[Toolset(Toolsets.Meetings)]
public sealed class MeetingTools(MeetingsClient client, IOptionsMonitor<UpstreamOptions> options)
{
    private const int DefaultExportMaxBytes = 200_000;

    [McpServerTool(Name = "meeting-list-put", Title = "List meetings", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List meetings whose start falls in [start, end), at most 7 days apart (split longer ranges). Returns {data{list[{meetingId, meetingStatus, dateTime{start,end}, hostId, hostEmail, bookedAt, primaryGuest, attendees, workspaceId}]}, hasMore Yes|No, hasMoreItems}. Page on while hasMore is Yes.")]
    public Task<CallToolResult> ListMeetings(
        [Description("Start of the range, included: ISO-8601 date-time such as 2026-03-02T00:00:00Z.")] string start,
        [Description("End of the range, excluded: after start and at most 7 days later.")] string end,
        [Description("Only meetings in these workspaces (ids from workspace-list).")] string[]? workspaceIds = null,
        [Description("Only meetings in these states.")] MeetingStatus[]? status = null,
        [Description("Only meetings assigned to these user ids.")] string[]? assigneeIds = null,
        [Description("Only meetings hosted by these user ids.")] string[]? hostIds = null,
        [Description("Only meetings with this guest email.")] string? guestEmail = null,
        [Description("Only meetings of these meeting type ids (UUIDs).")] string[]? meetingTypeIds = null,
        [Description("Paging: page from 0, pageSize 1 to 50.")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var (from, to) = MeetingArguments.Window(start, end);
            Arguments.Paging(pagination, 50);

            var body = MeetingArguments.Body(from, to);
            MeetingArguments.AddIds(body, "workspaceIds", workspaceIds);
            MeetingArguments.AddStatuses(body, status);
            MeetingArguments.AddIds(body, "assigneeIds", assigneeIds);
            MeetingArguments.AddIds(body, "hostIds", hostIds);
            if (!string.IsNullOrWhiteSpace(guestEmail))
            {
                body["guestEmail"] = guestEmail.Trim();
            }

            MeetingArguments.AddUuids(body, "meetingTypeIds", meetingTypeIds);
            if (pagination?.Page is { } page)
            {
                body["page"] = page;
            }

            if (pagination?.PageSize is { } pageSize)
            {
                body["pageSize"] = pageSize;
            }

            return ToolResults.Success((await client.ListMeetingsAsync(body, cancellationToken)).Body);
        });

    [McpServerTool(Name = "meeting-get", Title = "Get a meeting", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read the full record of one meeting by its id: id, meetingStatus, attendees, bookedAt, and activities (the scheduled time is an activity entry; there is no top-level start). Large payload: prefer meeting-list-put to scan many meetings.")]
    public Task<CallToolResult> GetMeeting(
        [Description("Meeting id (a UUID), as meetingId in meeting-list-put.")] string meetingId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetMeetingAsync(MeetingArguments.MeetingId(meetingId), cancellationToken)).Body));

    [McpServerTool(Name = "meeting-export-v2-put", Title = "Export meetings as CSV", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Export meetings whose start falls in [start, end), at most 7 days apart, as CSV (header row, one row per meeting, with meetingId and bookedAt columns). Filters: workspace, assignee, host, booker, meeting type, status. Returns {filename, rowCount, totalRows, truncated, data}; a large export is cut on a row boundary (truncated: true), so narrow the range or filters to get the rest. No paging.")]
    public Task<CallToolResult> ExportMeetings(
        [Description("Start of the range, included: ISO-8601 date-time such as 2026-03-02T00:00:00Z.")] string start,
        [Description("End of the range, excluded: after start and at most 7 days later.")] string end,
        [Description("Only meetings in these workspaces (ids from workspace-list).")] string[]? workspaceIds = null,
        [Description("Only meetings assigned to these user ids.")] string[]? assigneeIds = null,
        [Description("Only meetings hosted by these user ids.")] string[]? hostIds = null,
        [Description("Only meetings booked by these user ids.")] string[]? bookerIds = null,
        [Description("Only meetings of these meeting type ids (UUIDs).")] string[]? meetingTypeIds = null,
        [Description("Only meetings in these states.")] MeetingStatus[]? status = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var (from, to) = MeetingArguments.Window(start, end);
            var body = MeetingArguments.Body(from, to);
            MeetingArguments.AddIds(body, "workspaceIds", workspaceIds);
            MeetingArguments.AddIds(body, "assigneeIds", assigneeIds);
            MeetingArguments.AddIds(body, "hostIds", hostIds);
            MeetingArguments.AddIds(body, "bookerIds", bookerIds);
            MeetingArguments.AddUuids(body, "meetingTypeIds", meetingTypeIds);
            MeetingArguments.AddStatuses(body, status);

            var response = await client.ExportMeetingsAsync(body, cancellationToken);
            var (csv, filename) = ReadExport(response);
            var configured = options.Get(UpstreamOptions.ChiliPiperSection).ExportMaxBytes;
            var limit = configured > 0 ? configured : DefaultExportMaxBytes;
            var cut = CsvExport.Cut(csv, limit);
            var result = new JsonObject
            {
                ["filename"] = filename ?? $"meetings-{from.UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)}-{to.UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)}.csv",
                ["rowCount"] = cut.IncludedRows,
                ["totalRows"] = cut.TotalRows,
                ["truncated"] = cut.Truncated,
                ["data"] = cut.Text,
            };
            var note = cut.Truncated
                ? $"Truncated: {cut.IncludedRows} of {cut.TotalRows} rows are included (the gateway keeps exports under {limit} bytes). Narrow the date range or add filters and export again for the rest."
                : null;
            return ToolResults.Success(result, note);
        });

    [McpServerTool(Name = "meeting-cancel", Title = "Cancel a meeting", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Cancel a meeting by id. Irreversible: the calendar event is cancelled, attendees may be emailed, and CRM records and automations may update. Returns {type: Success}; a meeting that cannot be cancelled (already cancelled, already over) comes back as an error with the reason. Check it with meeting-get first if unsure.")]
    public Task<CallToolResult> CancelMeeting(
        [Description("Meeting id (a UUID).")] string meetingId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.CancelMeetingAsync(MeetingArguments.MeetingId(meetingId), cancellationToken)).Body));

    [McpServerTool(Name = "meeting-noshow", Title = "Mark a meeting as no-show", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Mark a meeting as a no-show (the guest did not attend). Cannot be undone through the API, and may trigger CRM and no-show automations. Returns {type: Success}; a meeting that cannot be marked (cancelled, not started yet, already marked) comes back as an error with the reason.")]
    public Task<CallToolResult> MarkNoShow(
        [Description("Meeting id (a UUID).")] string meetingId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.MarkMeetingNoShowAsync(MeetingArguments.MeetingId(meetingId), cancellationToken)).Body));

    [McpServerTool(Name = "meeting-activity", Title = "Get the activity link of a meeting", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Get the link to the activity page of a meeting in the Chili Piper admin app, to hand to a person who wants to inspect it there. Returns {url}.")]
    public Task<CallToolResult> GetActivity(
        [Description("Meeting id (a UUID).")] string meetingId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success(ActivityLink((await client.GetMeetingActivityAsync(MeetingArguments.MeetingId(meetingId), cancellationToken)).Body)));

    /// <summary>The deep link may come as a bare string or inside an object; either way the caller gets {url}.</summary>
    internal static JsonNode? ActivityLink(JsonNode? body) =>
        body is JsonValue value && value.TryGetValue(out string? url) ? new JsonObject { ["url"] = url } : body;

    private static (string Csv, string? Filename) ReadExport(UpstreamResponse response)
    {
        if (response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            // The vendor's own MCP wraps the file as {filename, data}; a JSON string is the file itself.
            if (response.Body is JsonObject wrapped && wrapped["data"] is JsonValue data && data.TryGetValue(out string? inner))
            {
                return (inner, wrapped["filename"] is JsonValue f && f.TryGetValue(out string? name) ? name : null);
            }

            if (response.Body is JsonValue text && text.TryGetValue(out string? csv))
            {
                return (csv, null);
            }
        }

        return (response.RawText, null);
    }
}
