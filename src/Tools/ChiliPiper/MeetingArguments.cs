using System.Globalization;

namespace Serverless.Tools.ChiliPiper;

/// <summary>The time window and filters shared by the meeting list and export bodies.</summary>
internal static class MeetingArguments
{
    /// <summary>Chili Piper refuses meeting queries over a longer span.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    public static (DateTimeOffset Start, DateTimeOffset End) Window(string? start, string? end)
    {
        var from = Instant(start, nameof(start));
        var to = Instant(end, nameof(end));
        if (to <= from)
        {
            throw new ToolArgumentException(nameof(end), "'end' must be after 'start' (start is included, end is not).", "INVALID_DATE_RANGE",
                "Make 'end' later than 'start' (start is included, end is not) and call again.");
        }

        var span = to - from;
        if (span > MaxWindow)
        {
            throw new ToolArgumentException(nameof(end),
                $"'start' to 'end' spans {span.TotalDays.ToString("0.##", CultureInfo.InvariantCulture)} days, but Chili Piper accepts at most 7 days per call. " +
                "Split the range into consecutive windows of 7 days or less and call once per window.",
                "DATE_RANGE_TOO_LONG",
                "Meeting queries cover at most 7 days: split the range into consecutive windows of 7 days or less and call once per window.");
        }

        return (from, to);
    }

    public static JsonObject Body(DateTimeOffset start, DateTimeOffset end) => new()
    {
        ["start"] = Wire(start),
        ["end"] = Wire(end),
    };

    /// <summary>RFC 3339 in UTC, the date-time form the Edge schemas declare, whatever form the caller used.</summary>
    public static string Wire(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Adds a non-empty id list; the API rejects a present but empty one, so an empty list is left out.</summary>
    public static void AddIds(JsonObject body, string name, string[]? values)
    {
        var ids = Clean(values);
        if (ids.Length > 0)
        {
            body[name] = new JsonArray([.. ids.Select(id => JsonValue.Create(id))]);
        }
    }

    public static void AddUuids(JsonObject body, string name, string[]? values)
    {
        var ids = Clean(values);
        if (ids.FirstOrDefault(id => !Arguments.IsUuid(id)) is { } bad)
        {
            throw new ToolArgumentException(name, $"'{name}' takes UUIDs; '{bad}' is not one.");
        }

        AddIds(body, name, ids);
    }

    public static void AddStatuses(JsonObject body, MeetingStatus[]? statuses)
    {
        if (statuses is { Length: > 0 })
        {
            body["status"] = new JsonArray([.. statuses.Distinct().Select(s => JsonValue.Create(s.ToString()))]);
        }
    }

    /// <summary>Meeting ids are UUIDs; anything else would only earn a decoding failure from the API.</summary>
    public static string MeetingId(string? value) =>
        Arguments.Uuid(value, "meetingId", "Use the id from meeting-list-put (meetingId) or meeting-get (id).");


    private static string[] Clean(string[]? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToArray();

    private static DateTimeOffset Instant(string? value, string parameter) =>
        Arguments.Parse(Arguments.IsoInstant(Arguments.NotBlank(value, parameter), parameter)!);
}
