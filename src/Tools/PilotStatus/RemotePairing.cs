using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Serverless.Tools.PilotStatus;

/// <summary>Kind of number a remote-pairing link sets up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PairingProvider>))]
public enum PairingProvider
{
    /// <summary>QR-paired (unofficial) number; the link shows a QR code or pairing code.</summary>
    [JsonStringEnumMemberName("PILOT_STATUS")] PilotStatus,

    /// <summary>Official Meta Cloud API number, connected through Meta's signup.</summary>
    [JsonStringEnumMemberName("META")] Meta,
}

/// <summary>How a Meta remote-pairing link connects the customer's WhatsApp Business account.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetaPairingFlow>))]
public enum MetaPairingFlow
{
    [JsonStringEnumMemberName("embedded")] Embedded,
    [JsonStringEnumMemberName("credentials")] Credentials,
}

/// <summary>Per-link look of the hosted pairing page; anything left out falls back to the account's branding.</summary>
public sealed record PairingBranding(
    [property: Description("Logo image URL (https).")] string? LogoUrl = null,
    [property: Description("Main colour, #RRGGBB.")] string? PrimaryColor = null,
    [property: Description("Background colour, #RRGGBB.")] string? BackgroundColor = null,
    [property: Description("Company name shown on the page (up to 60 characters).")] string? CompanyName = null,
    [property: Description("Subtitle under the name (up to 120 characters).")] string? Subtitle = null,
    [property: Description("Support page URL (https).")] string? SupportUrl = null,
    [property: Description("Where to send the customer after pairing (https).")] string? DefaultRedirectUrl = null,
    [property: Description("Hide the Pilot Status marks on the page.")] bool? HidePilotStatusBranding = null);
