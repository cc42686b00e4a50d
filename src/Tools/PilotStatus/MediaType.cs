using System.Text.Json.Serialization;

namespace Serverless.Tools.PilotStatus;

/// <summary>The media kinds Pilot Status sends.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MediaType>))]
public enum MediaType
{
    [JsonStringEnumMemberName("image")] Image,
    [JsonStringEnumMemberName("video")] Video,
    [JsonStringEnumMemberName("document")] Document,
    [JsonStringEnumMemberName("audio")] Audio,
}
