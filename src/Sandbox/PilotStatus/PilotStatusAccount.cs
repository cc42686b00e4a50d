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

    public string ConnectionStatus { get; set; } = "OPEN";

    public string PrivacyMode { get; set; } = "STORE_INDEFINITE";

    public required DateTimeOffset CreatedAt { get; init; }

    public bool IsMeta => Provider == WhatsAppProviders.Meta;
}

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
    public string? NumberId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
