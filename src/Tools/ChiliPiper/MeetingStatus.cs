using System.Text.Json.Serialization;

namespace Serverless.Tools.ChiliPiper;

/// <summary>Meeting states the Edge API filters on, spelled as it spells them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeetingStatus>))]
public enum MeetingStatus
{
    Active,
    Canceled,
    NoShow,
    Completed,
}
