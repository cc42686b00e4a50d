namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Meeting lifecycle (cancel, no-show, status), seeded meetings, and Distro routers with their scheduler runs.</summary>
public sealed class MeetingsState
{
    private readonly ChiliPiperState _core;

    internal MeetingsState(ChiliPiperState core) => _core = core;

    internal List<DistroRouter> DistroRouterList { get; } = [];

    internal List<ResourceSchedulerRun> SchedulerRunList { get; } = [];

    public IReadOnlyList<ResourceSchedulerRun> GetSchedulerRuns() => _core.Snapshot(SchedulerRunList);

    /// <summary>
    /// The status a caller sees: a meeting nobody cancelled or marked reads as Completed once it has ended. The
    /// stored status stays Active, which availability ignores for past times anyway.
    /// </summary>
    internal string StatusOf(Meeting meeting)
        => meeting.Status == MeetingStatuses.Active && meeting.End <= _core.Time.GetUtcNow() ? MeetingStatuses.Completed : meeting.Status;

    /// <summary>
    /// Salesforce ids exist in a case-sensitive 15-character form and an 18-character form that appends a checksum;
    /// either finds the meeting.
    /// </summary>
    internal Meeting? FindMeetingByCrmEventId(string crmEventId)
        => _core.MeetingList.Find(m => m.CrmEventId is { } linked
            && (string.Equals(linked, crmEventId, StringComparison.Ordinal)
                || (linked.Length == 18 && crmEventId.Length == 15 && linked.StartsWith(crmEventId, StringComparison.Ordinal))
                || (linked.Length == 15 && crmEventId.Length == 18 && crmEventId.StartsWith(linked, StringComparison.Ordinal))));

    /// <summary>Cancels the meeting, or says why it cannot be. The freed slot shows up in availability at once.</summary>
    internal string? CancelMeeting(Meeting meeting)
    {
        var reason = StatusOf(meeting) switch
        {
            MeetingStatuses.Canceled => "Meeting is already canceled",
            MeetingStatuses.NoShow => "Meeting was marked as a no-show and can no longer be canceled",
            MeetingStatuses.Completed => "Meeting has already taken place",
            _ => null,
        };
        if (reason is not null)
        {
            return reason;
        }

        meeting.Status = MeetingStatuses.Canceled;
        meeting.CanceledAt = _core.Time.GetUtcNow();
        if (meeting.DistributionId is { } distributionId && _core.FindDistribution(distributionId) is { } distribution)
        {
            distribution.StateOf(meeting.AssigneeId).Cancelled++;
        }

        return null;
    }

    /// <summary>Marks a no-show, or says why it cannot be: only a meeting that has started and was not cancelled qualifies.</summary>
    internal string? MarkNoShow(Meeting meeting)
    {
        var now = _core.Time.GetUtcNow();
        var reason = StatusOf(meeting) switch
        {
            MeetingStatuses.Canceled => "Meeting is canceled",
            MeetingStatuses.NoShow => "Meeting is already marked as a no-show",
            _ when meeting.Start > now => "Meeting has not started yet",
            _ => null,
        };
        if (reason is not null)
        {
            return reason;
        }

        meeting.Status = MeetingStatuses.NoShow;
        meeting.NoShowAt = now;
        if (meeting.DistributionId is { } distributionId && _core.FindDistribution(distributionId) is { } distribution)
        {
            distribution.StateOf(meeting.AssigneeId).NoShow++;
        }

        return null;
    }

    internal DistroRouter? FindRouterBySchedulerId(string schedulerId)
        => DistroRouterList.Find(r => string.Equals(r.SchedulerId, schedulerId, StringComparison.OrdinalIgnoreCase));

    internal ResourceSchedulerRun RunScheduler(DistroRouter router, string schedulerId)
    {
        var run = new ResourceSchedulerRun(SandboxIds.NewUuid(), schedulerId, router.Id, _core.Time.GetUtcNow());
        SchedulerRunList.Add(run);
        return run;
    }

    internal void SeedMeetings(DateTimeOffset now)
    {
        // Whole hours keep the demo data readable; every time is relative to start-up so "upcoming" stays upcoming.
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);

        AddSeedMeeting(ChiliPiperMeetingSeed.PastMeetingId, ChiliPiperSeed.SalesWorkspaceId, ChiliPiperSeed.BobSellerId,
            "lena.lead@prospect.example", "Lena Lead", hour.AddDays(-2), 30, hour.AddDays(-9),
            crmEventId: ChiliPiperMeetingSeed.PastMeetingCrmEventId, distributionId: ChiliPiperSeed.SalesRoundRobinId,
            meetingTypeId: ChiliPiperMeetingSeed.DemoMeetingTypeId, source: "Concierge");

        var noShow = AddSeedMeeting(ChiliPiperMeetingSeed.NoShowMeetingId, ChiliPiperSeed.SalesWorkspaceId, ChiliPiperSeed.CarolCloserId,
            "omar.owner@bigco.example", "Omar Owner", hour.AddDays(-1), 45, hour.AddDays(-6),
            crmEventId: ChiliPiperMeetingSeed.NoShowMeetingCrmEventId, distributionId: ChiliPiperSeed.SalesRoundRobinId,
            meetingTypeId: ChiliPiperMeetingSeed.DemoMeetingTypeId, source: "Concierge");
        noShow.Status = MeetingStatuses.NoShow;
        noShow.NoShowAt = hour.AddDays(-1).AddMinutes(50);

        var canceled = AddSeedMeeting(ChiliPiperMeetingSeed.CanceledMeetingId, ChiliPiperSeed.CustomerSuccessWorkspaceId, ChiliPiperSeed.EveSuccessId,
            "priya.customer@client.example", "Priya Customer", hour.AddDays(1), 30, hour.AddDays(-4),
            crmEventId: ChiliPiperMeetingSeed.CanceledMeetingCrmEventId, source: "SchedulingLink");
        canceled.Status = MeetingStatuses.Canceled;
        canceled.CanceledAt = hour.AddHours(-3);

        AddSeedMeeting(ChiliPiperMeetingSeed.UpcomingMeetingId, ChiliPiperSeed.SalesWorkspaceId, ChiliPiperSeed.BobSellerId,
            "sam.signup@startup.example", "Sam Signup", hour.AddDays(2), 30, hour.AddDays(-1),
            crmEventId: ChiliPiperMeetingSeed.UpcomingMeetingCrmEventId, distributionId: ChiliPiperSeed.SalesRoundRobinId,
            meetingTypeId: ChiliPiperMeetingSeed.DemoMeetingTypeId, source: "Concierge");

        AddSeedMeeting(ChiliPiperMeetingSeed.BookedByAdminMeetingId, ChiliPiperSeed.SalesWorkspaceId, ChiliPiperSeed.CarolCloserId,
            "nina.negotiator@enterprise.example", "Nina, Negotiator", hour.AddDays(2).AddHours(1), 60, hour.AddHours(-5),
            bookerId: ChiliPiperSeed.AliceAdminId, source: "Handoff");

        AddSeedMeeting(ChiliPiperMeetingSeed.SuccessMeetingId, ChiliPiperSeed.CustomerSuccessWorkspaceId, ChiliPiperSeed.DanSupportId,
            "raj.renewal@client.example", "Raj Renewal", hour.AddDays(3), 30, hour.AddDays(-2),
            crmEventId: ChiliPiperMeetingSeed.SuccessMeetingCrmEventId, distributionId: ChiliPiperSeed.SuccessRoundRobinId, source: "Concierge");

        AddSeedMeeting(ChiliPiperMeetingSeed.OldMeetingId, ChiliPiperSeed.SalesWorkspaceId, ChiliPiperSeed.BobSellerId,
            "old.opportunity@legacy.example", "Old Opportunity", hour.AddDays(-21), 30, hour.AddDays(-25),
            meetingTypeId: ChiliPiperMeetingSeed.DemoMeetingTypeId, source: "SchedulingLink");
    }

    internal void SeedDistro(DateTimeOffset now)
    {
        var createdAt = now.AddDays(-60);
        DistroRouterList.Add(new DistroRouter
        {
            Id = ChiliPiperMeetingSeed.InboundLeadRouterId,
            Name = "Inbound lead assignment",
            WorkspaceId = ChiliPiperSeed.SalesWorkspaceId,
            Status = "Active",
            ObjectType = "Lead",
            EventTypes = [new DistroTriggerEvent("NewRecord")],
            DelayType = "AfterRecordEval",
            DelayDuration = "PT5M",
            DistributionId = ChiliPiperSeed.SalesRoundRobinId,
            CreatedAt = createdAt,
        });
        DistroRouterList.Add(new DistroRouter
        {
            Id = ChiliPiperMeetingSeed.LeadSweepRouterId,
            Name = "Nightly unassigned lead sweep",
            WorkspaceId = ChiliPiperSeed.SalesWorkspaceId,
            Status = "Active",
            ObjectType = "Lead",
            EventTypes = [new DistroTriggerEvent("Scheduled", SchedulerId: ChiliPiperMeetingSeed.LeadSweepSchedulerId)],
            DistributionId = ChiliPiperSeed.SalesRoundRobinId,
            CreatedAt = createdAt.AddDays(5),
        });
        DistroRouterList.Add(new DistroRouter
        {
            Id = ChiliPiperMeetingSeed.AccountOwnerRouterId,
            Name = "Account owner change",
            WorkspaceId = ChiliPiperSeed.CustomerSuccessWorkspaceId,
            Status = "Inactive",
            ObjectType = "Account",
            EventTypes = [new DistroTriggerEvent("UpdateField", FieldName: "OwnerId")],
            DistributionId = ChiliPiperSeed.SuccessRoundRobinId,
            CreatedAt = createdAt.AddDays(10),
        });
    }

    private Meeting AddSeedMeeting(
        string id, string workspaceId, string hostId, string guestEmail, string guestName, DateTimeOffset start, int minutes, DateTimeOffset bookedAt,
        string source, string? crmEventId = null, string? distributionId = null, string? meetingTypeId = null, string? bookerId = null)
    {
        var meeting = new Meeting
        {
            Id = id,
            WorkspaceId = workspaceId,
            HostId = hostId,
            AssigneeId = hostId,
            BookerId = bookerId,
            GuestEmail = guestEmail,
            GuestName = guestName,
            GuestTimeZone = "America/New_York",
            Start = start,
            End = start.AddMinutes(minutes),
            BookedAt = bookedAt,
            MeetingTypeId = meetingTypeId,
            DistributionId = distributionId,
            Source = source,
            CrmEventId = crmEventId,
            Location = "Zoom",
        };
        _core.MeetingList.Add(meeting);
        return meeting;
    }
}
