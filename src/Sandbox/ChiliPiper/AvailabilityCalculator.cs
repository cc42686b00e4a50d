namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// Free start times from each user's weekly working hours in their own time zone, minus their active meetings.
/// Start times step by the meeting type's increment from the start of each working block and lie strictly in
/// the future; a meeting (with its buffers) must fit inside one block.
/// </summary>
internal static class AvailabilityCalculator
{
    /// <summary>Longer windows are cut to this, so one call cannot make the twin enumerate years of slots.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    // Hosts without zone data (e.g. Windows in invariant-globalization mode) still get the seeded users' zones.
    private static readonly Dictionary<string, TimeSpan> FallbackOffsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = TimeSpan.Zero,
        ["Etc/UTC"] = TimeSpan.Zero,
        ["Europe/London"] = TimeSpan.Zero,
        ["America/New_York"] = TimeSpan.FromHours(-5),
        ["America/Chicago"] = TimeSpan.FromHours(-6),
        ["America/Los_Angeles"] = TimeSpan.FromHours(-8),
        ["America/Sao_Paulo"] = TimeSpan.FromHours(-3),
    };

    public static TimeZoneInfo? Zone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        return FallbackOffsets.TryGetValue(id, out var offset) ? TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id) : null;
    }

    /// <summary>The user's free start times in [from, to), or null when the user's time zone is unknown.</summary>
    public static IReadOnlyList<DateTimeOffset>? FreeStarts(
        ChiliPiperState state, ChiliPiperUser user, DateTimeOffset from, DateTimeOffset to, BookingShape shape, DateTimeOffset now)
    {
        var zone = Zone(user.TimeZone);
        if (zone is null)
        {
            return null;
        }

        if (to - from > MaxWindow)
        {
            to = from + MaxWindow;
        }

        var starts = new List<DateTimeOffset>();
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime).AddDays(1);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var block in Blocks(user, zone, day))
            {
                for (var start = block.Start; start + shape.Duration <= block.End; start += shape.Increment)
                {
                    if (start >= from && start < to && start > now && !IsBusy(state, user.Id, start, shape))
                    {
                        starts.Add(start);
                    }
                }
            }
        }

        starts.Sort();
        return starts;
    }

    /// <summary>Whether the user could take a meeting at exactly this start: inside working hours and not busy.</summary>
    public static bool IsFree(ChiliPiperState state, ChiliPiperUser user, DateTimeOffset start, BookingShape shape)
    {
        var zone = Zone(user.TimeZone);
        if (zone is null)
        {
            return false;
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var inHours = Blocks(user, zone, day).Concat(Blocks(user, zone, day.AddDays(-1)))
            .Any(block => start >= block.Start && start + shape.Duration <= block.End);
        return inHours && !IsBusy(state, user.Id, start, shape);
    }

    private static bool IsBusy(ChiliPiperState state, string userId, DateTimeOffset start, BookingShape shape)
        => state.BusyMeetings(userId, start - shape.BufferBefore, start + shape.Duration + shape.BufferAfter).Any();

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Blocks(ChiliPiperUser user, TimeZoneInfo zone, DateOnly day)
    {
        var dayName = day.DayOfWeek.ToString();
        foreach (var range in user.WorkingHours)
        {
            if (!string.Equals(range.DayOfWeek, dayName, StringComparison.OrdinalIgnoreCase)
                || ClockTime(range.Start) is not { } startOfBlock
                || ClockTime(range.End) is not { } endOfBlock
                || endOfBlock <= startOfBlock)
            {
                continue;
            }

            yield return (Local(zone, day, startOfBlock), Local(zone, day, endOfBlock));
        }
    }

    private static DateTimeOffset Local(TimeZoneInfo zone, DateOnly day, TimeSpan clock)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + clock;
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeSpan? ClockTime(string text)
    {
        if (text == "24:00")
        {
            return TimeSpan.FromHours(24);
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}

/// <summary>Length, buffers and step of the meetings a calculation is for.</summary>
internal readonly record struct BookingShape(TimeSpan Duration, TimeSpan Increment, TimeSpan BufferBefore, TimeSpan BufferAfter)
{
    public static BookingShape Of(MeetingType type) => new(type.Duration, type.Increment, TimeSpan.Zero, TimeSpan.Zero);

    public static BookingShape Of(BookingTarget target) => new(target.Duration, target.Increment, target.BufferBefore, target.BufferAfter);
}
