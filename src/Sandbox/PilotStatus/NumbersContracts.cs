namespace Serverless.Sandbox.PilotStatus;

// Wire shapes of the numbers endpoints. Nulls are written on purpose (pairingCode, meta, health fields), as the vendor does.

internal static class NumbersErrorCodes
{
    public const string AlreadyConnected = "NUMBER_ALREADY_CONNECTED";
    public const string AlreadyExists = "NUMBER_ALREADY_EXISTS";
}

/// <summary>Non-secret traits of a key, as the numbers list shows them.</summary>
public sealed record NumberKeyItem(string Name, string KeyPrefix, string KeyLast4);

public sealed record NumberItem(
    string Id,
    string InstanceName,
    string Number,
    string Name,
    string Provider,
    IReadOnlyList<NumberKeyItem> ApiKeys,
    string State,
    bool IsFullyConnected,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record NumberHealth(string? QualityRating, string? MessagingLimitTier, string? MetaStatus, bool Sendable);

public sealed record MetaPhone(string Id, string DisplayPhoneNumber, string VerifiedName, string? QualityRating, string? MessagingLimitTier, string? Status);

public sealed record MetaProfile(string About, string Vertical);

public sealed record MetaWaba(string Id, string Name, string Currency, string TimezoneId);

public sealed record MetaBlock(MetaPhone Phone, MetaProfile Profile, MetaWaba Waba, DateTimeOffset FetchedAt);

public sealed record NumberDetail(
    string Id,
    string InstanceName,
    string Number,
    string Name,
    string Provider,
    IReadOnlyList<NumberKeyItem> ApiKeys,
    string State,
    bool IsFullyConnected,
    NumberHealth Health,
    MetaBlock? Meta,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record NumberCreatedResponse(
    string Id,
    string InstanceName,
    string Number,
    string Name,
    string Provider,
    string State,
    bool IsFullyConnected,
    string? QrcodeBase64,
    string? PairingCode,
    string? LinkedApiKeyId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record NumberStatusResponse(string Id, string State, bool IsFullyConnected);

public sealed record NumberConnectResponse(string Id, string State, string QrcodeBase64, string? PairingCode);

public sealed record NumberDeletedResponse(bool Ok, string Id);

public sealed record PairingInstance(string Id, string InstanceName, string Number, string Name, string State);

/// <summary>Carries both shapes the vendor documents for remote pairing (token form and instance form).</summary>
public sealed record RemotePairingResponse(
    string Provider,
    string RemotePairingToken,
    string RemotePairingUrl,
    string? NumberId,
    PairingInstance? Instance,
    string? MaskedNumber,
    string? LinkedApiKeyId,
    bool MessageSent,
    string? MessageError);

public sealed record NumberCheckResponse(IReadOnlyList<WhatsAppAccount> Results);
