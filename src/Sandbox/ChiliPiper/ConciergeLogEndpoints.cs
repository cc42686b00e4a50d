namespace Serverless.Sandbox.ChiliPiper;

/// <summary>The Concierge log endpoint: routings of a time window, paged.</summary>
internal static class ConciergeLogEndpoints
{
    private static readonly TimeSpan MaxLogWindow = TimeSpan.FromDays(30);

    internal static IResult Logs(ChiliPiperCall call)
    {
        var query = call.Query;
        string? Read(string name) => query.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.ToString() : null;

        var workspaceId = Read("workspaceId");
        var routerId = Read("routerId");
        if (workspaceId is null)
        {
            return ChiliPiperErrors.InvalidQuery("workspaceId");
        }

        if (routerId is null || !Guid.TryParseExact(routerId, "D", out _))
        {
            return ChiliPiperErrors.InvalidQuery("routerId");
        }

        if (!SandboxHttp.TryParseInstant(Read("start"), out var start))
        {
            return ChiliPiperErrors.InvalidQuery("start");
        }

        if (!SandboxHttp.TryParseInstant(Read("end"), out var end))
        {
            return ChiliPiperErrors.InvalidQuery("end");
        }

        if (!TryPage(query, out var page, out var pageSize))
        {
            return ChiliPiperErrors.InvalidQuery(query.ContainsKey("pageSize") ? "pageSize" : "page");
        }

        if (end - start > MaxLogWindow)
        {
            return ChiliPiperErrors.Json(StatusCodes.Status422UnprocessableEntity, "LogsIntervalTooLong",
                "The time range between start and end may be at most 30 days");
        }

        var state = call.State;
        if (!state.Booking.ConciergeRouterList.Exists(r => r.Id == routerId && r.WorkspaceId == workspaceId))
        {
            return ConciergeEndpoints.RouterNotFound(routerId);
        }

        var entries = state.Booking.ConciergeLogList
            .Where(e => e.RouterId == routerId && e.TriggeredAt >= start && e.TriggeredAt <= end)
            .OrderByDescending(e => e.TriggeredAt)
            .ToArray();
        var results = new JsonArray([.. entries.Skip(page * pageSize).Take(pageSize).Select(e => (JsonNode)LogView(state, e, call.Now))]);
        return BookingWire.Json(new JsonObject { ["results"] = results, ["total"] = entries.Length, ["page"] = page, ["pageSize"] = pageSize });
    }

    private static bool TryPage(IQueryCollection query, out int page, out int pageSize)
    {
        page = 0;
        pageSize = 20;
        return (!query.TryGetValue("page", out var p) || (int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 0))
            && (!query.TryGetValue("pageSize", out var s) || (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= 100));
    }

    /// <summary>Status follows the routing: booked (or later cancelled), turned away, still open, or left to expire.</summary>
    private static JsonObject LogView(ChiliPiperState state, ConciergeLogEntry entry, DateTimeOffset now)
    {
        var session = state.Booking.FindSession(entry.RoutingId);
        var meeting = session?.MeetingId is { } meetingId ? state.FindMeeting(meetingId) : null;
        var status = meeting is not null
            ? meeting.Status == MeetingStatuses.Canceled ? "Cancelled" : "Scheduled"
            : entry.Disqualified ? "Disqualified"
            : session is null || session.IsExpired(now) ? "TimedOut"
            : "InProgress";

        var assignments = new JsonArray();
        if (meeting is not null)
        {
            var teamId = meeting.DistributionId is { } distributionId ? state.FindDistribution(distributionId)?.TeamId : null;
            assignments.AddNode(new JsonObject
            {
                ["userId"] = meeting.HostId,
                ["ruleId"] = entry.MatchedRuleId,
                ["teamRef"] = teamId is null ? null : new JsonObject { ["id"] = teamId },
                ["distributionId"] = meeting.DistributionId,
                ["type"] = "Meeting",
            });
        }

        return new JsonObject
        {
            ["id"] = entry.Id,
            ["status"] = status,
            ["trigger"] = "Api",
            ["assignments"] = assignments,
            ["triggeredAt"] = BookingWire.Instant(entry.TriggeredAt),
            ["guestEmail"] = entry.GuestEmail,
            ["meetingId"] = meeting?.Id,
            ["routingId"] = entry.RoutingId,
            ["sourceUrl"] = entry.SourceUrl,
            ["actionsStatus"] = "Completed",
            ["matchedPath"] = new JsonObject
            {
                ["route"] = new JsonObject
                {
                    ["type"] = entry.MatchedRouteId is null ? "CatchAllRoute" : "RuleRoute",
                    ["ruleIds"] = entry.MatchedRuleId is null ? new JsonArray() : new JsonArray(entry.MatchedRuleId),
                    ["id"] = entry.MatchedRouteId,
                },
                ["type"] = "Route",
            },
        };
    }
}
