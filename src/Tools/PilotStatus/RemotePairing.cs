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
    string? LogoUrl = null,
    string? PrimaryColor = null,
    string? BackgroundColor = null,
    string? CompanyName = null,
    string? Subtitle = null,
    string? SupportUrl = null,
    string? DefaultRedirectUrl = null,
     bool? HidePilotStatusBranding = null);
