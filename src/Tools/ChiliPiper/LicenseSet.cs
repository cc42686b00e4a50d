using System.Text.Json.Serialization;

namespace Serverless.Tools.ChiliPiper;

/// <summary>A user's whole licence set as the licences endpoint takes it.</summary>
public sealed record LicenseSet(
    [property: Description("Chili Cal (scheduling) licence.")] bool ChiliCalOrg,
    [property: Description("Handoff licence.")] bool Handoff,
    [property: Description("Distro licence.")] bool? Distro = null,
    [property: Description("Concierge licence.")] bool? Concierge = null,
    [property: Description("Concierge Live licence.")] bool? ConciergeLive = null,
    [property: Description("Chat licence.")] bool? Chat = null,
    [property: Description("Licence tier, when the org uses tiers.")][property: JsonPropertyName("tier")] string? Tier = null);
