using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Serverless.Tools.ChiliPiper;

/// <summary>A time window as Chili Piper takes it: a start instant and a length.</summary>
public sealed record TimeInterval(
    [property: Description("Start of the window, ISO-8601 instant, e.g. 2026-03-02T00:00:00Z.")] string StartsAt,
    [property: Description("Length of the window: '7 days', '2 hours', '30 minutes' or ISO-8601 'P7D', 'PT36H'.")] string Duration);

/// <summary>Which meeting type availability is computed for, and as of when.</summary>
public sealed record MeetingTypeRef(
    [property: Description("Meeting type id (a UUID).")] string Id,
    [property: Description("Version instant of the meeting type, ISO-8601; the current time is fine.")] string Timestamp);

/// <summary>Per-call changes to a meeting type's durations (each a duration string such as '45 minutes').</summary>
public sealed record MeetingTypeOverride(
    [property: Description("Meeting length, e.g. '45 minutes'.")] string? MeetingDurationOverride = null,
    [property: Description("Free time kept before the meeting.")] string? BeforeBufferDurationOverride = null,
    [property: Description("Free time kept after the meeting.")] string? AfterBufferDurationOverride = null,
    [property: Description("Step between offered start times, e.g. '15 minutes'.")] string? AvailabilityIncrementOverride = null);

/// <summary>How a Handoff prospect is identified.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HandoffRequestType>))]
public enum HandoffRequestType
{
    GuestEmailRequest,
    CrmRequest,
}

/// <summary>Kinds of CRM record a Handoff can start from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CrmRecordType>))]
public enum CrmRecordType
{
    LeadId,
    ContactId,
}

/// <summary>A CRM lead or contact, by its CRM id.</summary>
public sealed record CrmRecordId(
    [property: Description("LeadId or ContactId.")] CrmRecordType Type,
    [property: Description("The record's id in the CRM.")] string Value);
