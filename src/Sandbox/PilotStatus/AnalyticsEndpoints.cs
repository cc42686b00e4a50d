namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// The sending dashboard of one number, computed from the messages it sent: the current period runs from local
/// midnight (in the caller's time zone) N-1 days ago until now, and is compared with the N days before it.
/// </summary>
internal static class AnalyticsEndpoints
{
    private static readonly Dictionary<string, int> Periods = new(StringComparer.Ordinal) { ["7d"] = 7, ["30d"] = 30, ["90d"] = 90 };

    public static IResult Dashboard(PilotStatusCall call)
    {
        var period = call.Query["period"].ToString() is { Length: > 0 } p ? p : "30d";
        if (!Periods.TryGetValue(period, out var days))
        {
            return PilotStatusErrors.Validation("period must be one of 7d, 30d, 90d.");
        }

        // The vendor accepts the zone as tz or, as an alias, timezone.
        var tz = call.Query["tz"].ToString() is { Length: > 0 } t ? t : call.Query["timezone"].ToString() is { Length: > 0 } alias ? alias : "UTC";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var zone))
        {
            return PilotStatusErrors.Validation($"tz '{tz}' is not a valid IANA time zone.");
        }

        var now = call.Now;
        var messages = call.State.OutboundMessageList.Where(m => m.NumberId == call.Number.Id).ToArray();
        foreach (var message in messages)
        {
            message.Advance(now);
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var firstDay = today.AddDays(-(days - 1));
        var start = LocalMidnight(firstDay, zone);
        var previousStart = LocalMidnight(firstDay.AddDays(-days), zone);

        var current = Counted(messages.Where(m => m.CreatedAt >= start && m.CreatedAt <= now));
        var previous = Counted(messages.Where(m => m.CreatedAt >= previousStart && m.CreatedAt < start));

        var perDay = current
            .GroupBy(m => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.CreatedAt, zone).DateTime))
            .ToDictionary(g => g.Key, g => g.Count());
        var daily = Enumerable.Range(0, days)
            .Select(i => firstDay.AddDays(i))
            .Select(d => new DailyMessageCount(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), perDay.GetValueOrDefault(d)))
            .ToArray();

        var distribution = Distribution(current);
        var sent = distribution.Sent + distribution.Read;
        var failed = distribution.Failed;
        var previousDistribution = Distribution(previous);
        var previousSent = previousDistribution.Sent + previousDistribution.Read;

        return SandboxJson.Result(
            new AnalyticsDashboardResponse(
                sent,
                failed,
                Change(sent, previousSent),
                Change(failed, previousDistribution.Failed),
                sent + failed == 0 ? 0 : Math.Round(100.0 * failed / (sent + failed), 1),
                daily,
                distribution));
    }

    // Cancelled messages never left the queue; they count nowhere.
    private static OutboundMessage[] Counted(IEnumerable<OutboundMessage> messages)
        => messages.Where(m => m.Status != MessageStatuses.Canceled).ToArray();

    private static StatusDistribution Distribution(IReadOnlyCollection<OutboundMessage> messages)
        => new(
            messages.Count(m => m.Status == MessageStatuses.Queued),
            messages.Count(m => m.Status is MessageStatuses.Sent or MessageStatuses.Delivered),
            messages.Count(m => m.Status == MessageStatuses.Failed),
            messages.Count(m => m.Status == MessageStatuses.Read));

    private static double Change(int current, int previous)
        => previous == 0 ? (current == 0 ? 0 : 100) : Math.Round(100.0 * (current - previous) / previous, 1);

    /// <summary>The instant a local day starts; where a DST jump skips midnight, the first valid local time.</summary>
    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
