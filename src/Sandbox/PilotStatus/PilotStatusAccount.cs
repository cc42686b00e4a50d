namespace Serverless.Sandbox.PilotStatus;

/// <summary>Provider values as the Pilot Status API spells them.</summary>
public static class WhatsAppProviders
{
    /// <summary>Official Meta Cloud API number: templates need approval, free-form only inside the 24 h window, no groups/newsletters.</summary>
    public const string Meta = "META";

    /// <summary>QR-paired (Evolution) number.</summary>
    public const string PilotStatus = "PILOT_STATUS";
}

public enum ApiKeyScope
{
    /// <summary>Singleton account key; cannot act on a number's messages.</summary>
    Tenant,

    /// <summary>Bound to exactly one WhatsApp number.</summary>
    Number,
}

public sealed class PilotStatusTenant
{
    public required string Id { get; init; }

    public required string Name { get; init; }
}

public sealed class WhatsAppNumber
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    /// <summary>E.164 with leading <c>+</c>.</summary>
    public required string PhoneNumber { get; init; }

    public required string DisplayName { get; set; }

    /// <summary><see cref="WhatsAppProviders.Meta"/> or <see cref="WhatsAppProviders.PilotStatus"/>.</summary>
    public required string Provider { get; init; }

    /// <summary>Internal provider flavour (<c>META</c>, <c>EVO</c>, <c>EVO_GO</c>); shows up in media objects.</summary>
    public required string ProviderKind { get; init; }

    /// <summary><see cref="NumberStates.Open"/>, <see cref="NumberStates.Connecting"/> or <see cref="NumberStates.Close"/>.</summary>
    public string ConnectionStatus { get; set; } = NumberStates.Open;

    /// <summary>Name of the provider instance behind the number.</summary>
    public string InstanceName { get; set; } = "";

    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Latest QR code (PNG data URI) while a QR pairing is pending; cleared once connected.</summary>
    public string? QrCodeBase64 { get; set; }

    /// <summary>Code typed on the phone instead of scanning the QR, while a pairing is pending.</summary>
    public string? PairingCode { get; set; }

    /// <summary>When a pending QR pairing completes in the sandbox (the simulated scan); null when none is pending.</summary>
    public DateTimeOffset? ConnectsAt { get; set; }

    /// <summary>Meta's quality rating (GREEN, YELLOW, RED); null for QR-paired numbers.</summary>
    public string? QualityRating { get; set; }

    /// <summary>Meta messaging limit tier such as TIER_1K; null for QR-paired numbers.</summary>
    public string? MessagingLimitTier { get; set; }

    /// <summary>Meta's status of the phone number (e.g. CONNECTED); null for QR-paired numbers.</summary>
    public string? MetaStatus { get; set; }

    /// <summary>Cloud API details of a Meta number; null for QR-paired numbers.</summary>
    public MetaNumberDetails? Meta { get; set; }

    public string PrivacyMode { get; set; } = "STORE_INDEFINITE";

    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsMeta => Provider == WhatsAppProviders.Meta;

    public bool IsOpen => ConnectionStatus == NumberStates.Open;

    /// <summary>Phone digits without the plus, as the numbers endpoints write them.</summary>
    public string Digits => PhoneNumber.TrimStart('+');
}

/// <summary>Connection states as the numbers endpoints spell them.</summary>
public static class NumberStates
{
    public const string Open = "OPEN";
    public const string Connecting = "CONNECTING";
    public const string Close = "CLOSE";
}

/// <summary>What Meta's Graph API reports about a Cloud API number, as Pilot Status caches it.</summary>
/// <param name="PhoneNumberId">Meta's phone-number id (the <c>phoneNumberId</c> of webhooks and media downloads).</param>
public sealed record MetaNumberDetails(
    string PhoneNumberId,
    string VerifiedName,
    string About,
    string Vertical,
    string WabaId,
    string WabaName,
    string Currency,
    string TimezoneId,
    DateTimeOffset FetchedAt);

public sealed class PilotStatusApiKey
{
    /// <summary>Key id accepted in <c>x-api-key-id</c> instead of the secret.</summary>
    public required string Id { get; init; }

    /// <summary>Raw secret accepted in <c>x-api-key</c>.</summary>
    public required string Secret { get; set; }

    public required string Name { get; init; }

    public required ApiKeyScope Scope { get; init; }

    public required string TenantId { get; init; }

    /// <summary>Bound number for <see cref="ApiKeyScope.Number"/> keys; null for the tenant key.</summary>
    /// <summary>Re-pointed when a number key creates a number with linkToApiKey.</summary>
    public string? NumberId { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}
