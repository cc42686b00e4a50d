using System.Text.Json.Serialization;

namespace Serverless.Tools.PilotStatus;

/// <summary>Template categories; fixed when the template is created.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TemplateCategory>))]
public enum TemplateCategory
{
    [JsonStringEnumMemberName("MARKETING")] Marketing,
    [JsonStringEnumMemberName("UTILITY")] Utility,
    [JsonStringEnumMemberName("OTP")] Otp,
}
