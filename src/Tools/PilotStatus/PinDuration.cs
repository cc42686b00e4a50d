using System.Text.Json.Serialization;

namespace Serverless.Tools.PilotStatus;

/// <summary>How long WhatsApp keeps a message pinned; the app offers exactly these three choices.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PinDuration>))]
public enum PinDuration
{
    [JsonStringEnumMemberName("24h")] Day,
    [JsonStringEnumMemberName("7d")] Week,
    [JsonStringEnumMemberName("30d")] Month,
}

public static class PinDurations
{
    /// <summary>The duration in seconds, the unit WhatsApp itself uses for pins.</summary>
    public static int Seconds(this PinDuration duration) => duration switch
    {
        PinDuration.Day => 86_400,
        PinDuration.Week => 604_800,
        _ => 2_592_000,
    };
}
