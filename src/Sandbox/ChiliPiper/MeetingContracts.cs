using System.Text.Json.Serialization;

namespace Serverless.Sandbox.ChiliPiper;

// Wire shapes of the meeting endpoints. Optional members are left out rather than sent as null.

public sealed record MeetingDateTime(DateTimeOffset Start, DateTimeOffset End);

public sealed record MeetingGuestRef(
    string Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name);

/// <param name="Type"><c>Host</c> or <c>Guest</c>.</param>
public sealed record MeetingAttendee(
    string Type,
    string Email,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UserId);

public sealed record MeetingListItem(
    string MeetingId,
    string MeetingStatus,
    MeetingDateTime DateTime,
    string HostId,
    string HostEmail,
    string HostName,
    string AssigneeId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BookerId,
    DateTimeOffset BookedAt,
    MeetingGuestRef PrimaryGuest,
    IReadOnlyList<MeetingAttendee> Attendees,
    string WorkspaceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MeetingTypeId);

public sealed record MeetingListData(IReadOnlyList<MeetingListItem> List);

/// <param name="HasMore">The API spells this flag as the string <c>Yes</c> or <c>No</c>.</param>
public sealed record MeetingListResponse(MeetingListData Data, string HasMore, bool HasMoreItems);

/// <param name="Type"><c>Booked</c>, <c>ScheduledAt</c>, <c>Canceled</c> or <c>NoShow</c>.</param>
public sealed record MeetingActivity(
    string Type,
    DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? Start = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? End = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By = null);

public sealed record MeetingRecord(
    string Id,
    string MeetingStatus,
    string WorkspaceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MeetingTypeId,
    string HostId,
    string AssigneeId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BookerId,
    DateTimeOffset BookedAt,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DistributionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CrmEventId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Location,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GuestTimeZone,
    IReadOnlyList<MeetingAttendee> Attendees,
    IReadOnlyList<MeetingActivity> Activities);

/// <summary>The single-meeting read uses the same <c>{data, hasMore}</c> envelope as the query endpoints.</summary>
public sealed record MeetingRecordResponse(MeetingRecord Data, string HasMore);

/// <summary>The body of cancel and no-show: <c>Success</c>, or <c>Failure</c> with a reason, always with HTTP 200.</summary>
public sealed record MeetingActionResult(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);

public sealed record MeetingActivityLink(string Url);

internal static class MeetingViews
{
    public static MeetingListItem Item(ChiliPiperState state, Meeting meeting)
    {
        var host = state.FindUser(meeting.HostId);
        return new MeetingListItem(
            meeting.Id,
            state.Meetings.StatusOf(meeting),
            new MeetingDateTime(meeting.Start, meeting.End),
            meeting.HostId,
            host?.Email ?? string.Empty,
            host?.Name ?? string.Empty,
            meeting.AssigneeId,
            meeting.BookerId,
            meeting.BookedAt,
            new MeetingGuestRef(meeting.GuestEmail, meeting.GuestName),
            Attendees(state, meeting),
            meeting.WorkspaceId,
            meeting.MeetingTypeId);
    }

    public static MeetingRecord Record(ChiliPiperState state, Meeting meeting)
    {
        var activities = new List<MeetingActivity>
        {
            new("Booked", meeting.BookedAt, By: meeting.BookerId),
            new("ScheduledAt", meeting.BookedAt, meeting.Start, meeting.End),
        };
        if (meeting.CanceledAt is { } canceledAt)
        {
            activities.Add(new MeetingActivity("Canceled", canceledAt));
        }

        if (meeting.NoShowAt is { } noShowAt)
        {
            activities.Add(new MeetingActivity("NoShow", noShowAt));
        }

        return new MeetingRecord(
            meeting.Id,
            state.Meetings.StatusOf(meeting),
            meeting.WorkspaceId,
            meeting.MeetingTypeId,
            meeting.HostId,
            meeting.AssigneeId,
            meeting.BookerId,
            meeting.BookedAt,
            meeting.Source,
            meeting.DistributionId,
            meeting.CrmEventId,
            meeting.Location,
            meeting.GuestTimeZone,
            Attendees(state, meeting),
            activities);
    }

    public static string ActivityUrl(ChiliPiperState state, Meeting meeting)
        => $"https://{state.Tenant.Subdomain}.chilipiper.com/admin/meetings/{Uri.EscapeDataString(meeting.Id)}/activity";

    private static MeetingAttendee[] Attendees(ChiliPiperState state, Meeting meeting)
    {
        var host = state.FindUser(meeting.HostId);
        return
        [
            new MeetingAttendee("Host", host?.Email ?? string.Empty, host?.Name, meeting.HostId),
            new MeetingAttendee("Guest", meeting.GuestEmail, meeting.GuestName, null),
        ];
    }
}
