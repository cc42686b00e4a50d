using System.Text.Json.Serialization;

namespace Serverless.Tools.ChiliPiper;

/// <summary>A time window as Chili Piper takes it: a start instant and a length.</summary>
public sealed record TimeInterval(
    [property: Description("ISO-8601 instant.")] string StartsAt,
    [property: Description("e.g. 7 days, 30 minutes or PT36H.")] string Duration);

/// <summary>Which meeting type availability is computed for, and as of when.</summary>
public sealed record MeetingTypeRef(
    [property: Description("UUID.")] string Id,
    [property: Description("Version instant, ISO-8601; now is fine.")] string Timestamp);

/// <summary>Per-call changes to a meeting type's durations (each a duration string such as '45 minutes').</summary>
public sealed record MeetingTypeOverride(
    [property: Description("e.g. 45 minutes.")] string? MeetingDurationOverride = null,
    [property: Description("Buffer before.")] string? BeforeBufferDurationOverride = null,
    [property: Description("Buffer after.")] string? AfterBufferDurationOverride = null,
    [property: Description("Step between start times.")] string? AvailabilityIncrementOverride = null);

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
    CrmRecordType Type,
    [property: Description("Record id in the CRM.")] string Value);
