namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Guest details a phase-2 call supplies.</summary>
internal sealed record BookingDetails(
    string? GuestEmail,
    string? GuestName,
    string? GuestTimeZone,
    string? Location,
    IReadOnlyDictionary<string, string> FormData);

/// <summary>The meeting a phase-2 call created, or why it created none (reported inside a 200, as the API does).</summary>
internal sealed record BookingOutcome(Meeting? Meeting, string? Failure)
{
    public static BookingOutcome Failed(string reason) => new(null, reason);
}

/// <summary>
/// The two halves every booking flow shares: offering start times for a target when a session opens, and
/// booking one of them later, re-checking that the chosen host is still free at that moment.
/// </summary>
internal static class BookingDesk
{
    public static RoutingSession Open(
        ChiliPiperState state,
        string flow,
        string workspaceId,
        string sourceId,
        DateTimeOffset now,
        string? bookerId = null,
        string? guestEmail = null,
        string? guestTimeZone = null,
        IReadOnlyDictionary<string, string>? formData = null,
        string? notBookableReason = null)
    {
        var session = new RoutingSession
        {
            Id = SandboxIds.NewUuid(),
            Flow = flow,
            WorkspaceId = workspaceId,
            SourceId = sourceId,
            CreatedAt = now,
            ExpiresAt = now + RoutingSession.Lifetime,
            BookerId = bookerId,
            GuestEmail = guestEmail,
            GuestTimeZone = guestTimeZone,
            FormData = formData ?? new Dictionary<string, string>(),
            NotBookableReason = notBookableReason,
        };
        state.Booking.RoutingSessionList.Add(session);
        return session;
    }

    public static BookingTarget Target(
        MeetingType type,
        HostSelection selection,
        IReadOnlyList<string> candidates,
        string? distributionId = null,
        IReadOnlyList<string>? optional = null,
        ShapeOverrides? overrides = null)
    {
        var shape = overrides?.Apply(BookingShape.Of(type)) ?? BookingShape.Of(type);
        return new BookingTarget
        {
            MeetingTypeId = type.Id,
            Duration = shape.Duration,
            Increment = shape.Increment,
            BufferBefore = shape.BufferBefore,
            BufferAfter = shape.BufferAfter,
            Selection = selection,
            Candidates = candidates,
            DistributionId = distributionId,
            OptionalAttendees = optional ?? [],
        };
    }

    /// <summary>Members of a round robin who could be assigned: its team's members, or its weighted users without a team.</summary>
    public static IReadOnlyList<string> Members(ChiliPiperState state, Distribution distribution)
        => state.FindTeam(distribution.TeamId)?.Members.ToArray() ?? distribution.Weights.Keys.ToArray();

    /// <summary>Fills the target's start times for the window; returns per-user failures (<c>NoTimezone</c>, <c>Other</c>).</summary>
    public static Dictionary<string, string> Offer(ChiliPiperState state, BookingTarget target, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var shape = BookingShape.Of(target);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var free = new Dictionary<string, HashSet<DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var userId in target.Candidates.Distinct(StringComparer.Ordinal))
        {
            var user = state.FindUser(userId);
            var starts = user is null ? null : AvailabilityCalculator.FreeStarts(state, user, from, to, shape, now);
            if (starts is null)
            {
                failures[userId] = user is null ? "Other" : "NoTimezone";
                continue;
            }

            free[userId] = [.. starts];
        }

        var times = free.Values.SelectMany(s => s).Distinct().Order();
        foreach (var time in times)
        {
            var freeNow = free.Where(p => p.Value.Contains(time)).Select(p => p.Key).ToArray();
            if (ChooseHost(state, target, freeNow) is not null)
            {
                target.StartTimes.Add(time);
            }
        }

        return failures;
    }

    /// <summary>Who would host at a time, given who is free then; null when nobody can.</summary>
    public static string? ChooseHost(ChiliPiperState state, BookingTarget target, IReadOnlyCollection<string> free) => target.Selection switch
    {
        HostSelection.Single => target.Candidates.FirstOrDefault(free.Contains),
        HostSelection.Group => target.Candidates.All(free.Contains) ? target.Candidates.FirstOrDefault() : null,
        _ => target.DistributionId is { } id && state.FindDistribution(id) is { } distribution ? distribution.NextAssignee(free) : null,
    };

    public static IReadOnlyList<string> FreeCandidates(ChiliPiperState state, BookingTarget target, DateTimeOffset start)
        => target.Candidates
            .Where(id => state.FindUser(id) is { } user && AvailabilityCalculator.IsFree(state, user, start, BookingShape.Of(target)))
            .ToArray();

    /// <summary>The <c>attendees</c> of one offered start time, in the shapes the availability schema names.</summary>
    public static JsonArray Attendees(ChiliPiperState state, BookingTarget target, DateTimeOffset start)
    {
        var free = FreeCandidates(state, target, start);
        if (target.Selection == HostSelection.RoundRobin)
        {
            var assignee = new JsonArray();
            assignee.AddNode(new JsonObject
            {
                ["type"] = "FlexibleRoundRobinAssignee",
                ["distributionId"] = target.DistributionId,
                ["userIds"] = new JsonArray([.. free.Select(id => JsonValue.Create(id))]),
                ["required"] = true,
            });
            return assignee;
        }

        var attendees = new JsonArray();
        foreach (var userId in target.Selection == HostSelection.Single ? free.Take(1) : target.Candidates)
        {
            attendees.AddNode(new JsonObject { ["type"] = "ManuallyAssigned", ["userId"] = userId, ["required"] = true });
        }

        foreach (var userId in target.OptionalAttendees)
        {
            attendees.AddNode(new JsonObject { ["type"] = "AdditionalAttendee", ["userId"] = userId, ["required"] = false });
        }

        return attendees;
    }

    /// <summary>Books one offered start time of a session's target, or says why not. Never books twice for one session.</summary>
    public static BookingOutcome Book(
        ChiliPiperState state, RoutingSession session, BookingTarget target, DateTimeOffset start, BookingDetails details, DateTimeOffset now)
    {
        if (session.MeetingId is not null)
        {
            return BookingOutcome.Failed("session already used: it booked meeting " + session.MeetingId + "; start a new routing to book again");
        }

        if (session.IsExpired(now))
        {
            return BookingOutcome.Failed("session expired; start a new routing for fresh start times");
        }

        if (!target.StartTimes.Contains(start))
        {
            return BookingOutcome.Failed("start time " + BookingWire.Instant(start) + " was not offered in this session");
        }

        if (start <= now)
        {
            return BookingOutcome.Failed("start time " + BookingWire.Instant(start) + " has passed");
        }

        var guestEmail = details.GuestEmail ?? session.GuestEmail;
        if (string.IsNullOrWhiteSpace(guestEmail))
        {
            return BookingOutcome.Failed("the guest's email is required (guestEmail or formData.PersonEmail)");
        }

        var host = ChooseHost(state, target, FreeCandidates(state, target, start));
        if (host is null)
        {
            return BookingOutcome.Failed("slot no longer available: " + BookingWire.Instant(start) + " was taken meanwhile");
        }

        var meeting = new Meeting
        {
            Id = SandboxIds.NewUuid(),
            WorkspaceId = session.WorkspaceId,
            HostId = host,
            AssigneeId = host,
            BookerId = session.BookerId,
            GuestEmail = guestEmail.Trim(),
            GuestName = details.GuestName,
            GuestTimeZone = details.GuestTimeZone ?? session.GuestTimeZone,
            Start = start,
            End = start + target.Duration,
            BookedAt = now,
            MeetingTypeId = target.MeetingTypeId,
            DistributionId = target.Selection == HostSelection.RoundRobin ? target.DistributionId : null,
            Source = session.Flow,
            SourceId = session.Id,
            Location = details.Location,
            FormData = session.FormData.Concat(details.FormData)
                .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last().Value),
        };
        state.MeetingList.Add(meeting);
        if (meeting.DistributionId is { } distributionId)
        {
            state.FindDistribution(distributionId)?.RecordAssignment(host);
        }

        session.MeetingId = meeting.Id;
        return new BookingOutcome(meeting, null);
    }
}
