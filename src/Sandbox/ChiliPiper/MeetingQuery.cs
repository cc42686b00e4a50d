namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// Body of the meeting list (<c>QueryMeetingsRequest</c>) and export (<c>ExportMeetingsRequest</c>). Unknown keys,
/// empty arrays, unknown statuses and malformed instants are decoding failures, as with the vendor's decoders.
/// </summary>
internal sealed record MeetingQuery(
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string>? WorkspaceIds,
    IReadOnlyList<string>? Statuses,
    IReadOnlyList<string>? AssigneeIds,
    IReadOnlyList<string>? HostIds,
    IReadOnlyList<string>? BookerIds,
    string? GuestEmail,
    IReadOnlyList<string>? MeetingTypeIds,
    long Page,
    long PageSize)
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    public static readonly IReadOnlySet<string> ListKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "start", "end", "workspaceIds", "status", "assigneeIds", "hostIds", "guestEmail", "meetingTypeIds", "page", "pageSize",
    };

    public static readonly IReadOnlySet<string> ExportKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "start", "end", "workspaceIds", "assigneeIds", "hostIds", "bookerIds", "meetingTypeIds", "status",
    };

    private static readonly HashSet<string> KnownStatuses = new(StringComparer.Ordinal)
    {
        MeetingStatuses.Active, MeetingStatuses.Canceled, MeetingStatuses.NoShow, MeetingStatuses.Completed,
    };

    /// <summary>Start is included, end is excluded, and the API serves at most seven days per call.</summary>
    public bool WindowIsValid => End > Start && End - Start <= MaxWindow;

    public static bool TryParse(JsonBody body, IReadOnlySet<string> keys, out MeetingQuery? query)
    {
        query = null;
        if (!body.IsObject || body.Root.EnumerateObject().Any(p => !keys.Contains(p.Name)))
        {
            return false;
        }

        var root = body.Root;
        if (!TryInstant(root, "start", out var start) || !TryInstant(root, "end", out var end)
            || !TryIds(root, "workspaceIds", out var workspaceIds)
            || !TryIds(root, "status", out var statuses) || (statuses is not null && !statuses.All(KnownStatuses.Contains))
            || !TryIds(root, "assigneeIds", out var assigneeIds)
            || !TryIds(root, "hostIds", out var hostIds)
            || !TryIds(root, "bookerIds", out var bookerIds)
            || !JsonFields.TryGetString(root, "guestEmail", out var guestEmail)
            || !TryIds(root, "meetingTypeIds", out var meetingTypeIds) || (meetingTypeIds is not null && !meetingTypeIds.All(id => Guid.TryParse(id, out _)))
            || !TryLong(root, "page", 0, out var page) || page < 0
            || !TryLong(root, "pageSize", ChiliPiperPage.DefaultPageSize, out var pageSize) || pageSize <= 0)
        {
            return false;
        }

        query = new MeetingQuery(start, end, workspaceIds, statuses, assigneeIds, hostIds, bookerIds, guestEmail, meetingTypeIds, page, pageSize);
        return true;
    }

    public bool Matches(Meeting meeting, string status)
        => meeting.Start >= Start && meeting.Start < End
           && (WorkspaceIds is null || WorkspaceIds.Contains(meeting.WorkspaceId))
           && (Statuses is null || Statuses.Contains(status))
           && (AssigneeIds is null || AssigneeIds.Contains(meeting.AssigneeId))
           && (HostIds is null || HostIds.Contains(meeting.HostId))
           && (BookerIds is null || (meeting.BookerId is { } booker && BookerIds.Contains(booker)))
           && (GuestEmail is null || string.Equals(meeting.GuestEmail, GuestEmail.Trim(), StringComparison.OrdinalIgnoreCase))
           && (MeetingTypeIds is null || (meeting.MeetingTypeId is { } type && MeetingTypeIds.Contains(type, StringComparer.OrdinalIgnoreCase)));

    private static bool TryInstant(JsonElement root, string name, out DateTimeOffset value)
    {
        value = default;
        return JsonFields.TryGetString(root, name, out var text) && text is not null && SandboxHttp.TryParseInstant(text, out value);
    }

    private static bool TryIds(JsonElement root, string name, out IReadOnlyList<string>? ids)
        => JsonFields.TryGetStringArray(root, name, out ids) && (ids is null || (ids.Count > 0 && ids.All(id => !string.IsNullOrWhiteSpace(id))));

    private static bool TryLong(JsonElement root, string name, long fallback, out long value)
    {
        value = fallback;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }
}
