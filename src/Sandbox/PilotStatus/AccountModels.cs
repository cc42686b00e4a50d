namespace Serverless.Sandbox.PilotStatus;

/// <summary>The tenant's plan. Free includes <see cref="AccountSeed.FreeNumbers"/> number; On Demand bills every number.</summary>
public sealed record PilotStatusSubscription(string Plan, int PaidExtraNumbers, bool HasSavedCard, decimal WalletBalanceBRL)
{
    public bool IsFree => Plan == AccountSeed.FreePlan;

    /// <summary>Number slots the plan holds now: the base number plus the extras bought.</summary>
    public int CurrentNumbers => AccountSeed.FreeNumbers + PaidExtraNumbers;
}

/// <summary>Branding of the public connect page; null means unset (the default look).</summary>
public sealed record ConnectBranding(
    string? LogoUrl,
    string? PrimaryColor,
    string? BackgroundColor,
    string? CompanyName,
    string? Subtitle,
    string? SupportUrl,
    string? DefaultRedirectUrl,
    bool HidePilotStatusBranding);

public static class CheckoutPurposes
{
    public const string WalletTopup = "wallet_topup";
    public const string AddCard = "add_card";

    /// <summary>Opened by the extra-numbers purchase when no card is saved.</summary>
    public const string ExtraNumbers = "extra_numbers";
}

/// <summary>A Stripe checkout the account started; see <see cref="AccountSeed.CheckoutCompletesAfter"/>.</summary>
public sealed class CheckoutOrder
{
    public required string Id { get; init; }

    public required string Purpose { get; init; }

    public decimal? Amount { get; init; }

    /// <summary>Extra numbers paid by this checkout, for <see cref="CheckoutPurposes.ExtraNumbers"/>.</summary>
    public int? Quantity { get; init; }

    public required string Url { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; internal set; }
}

/// <summary>A file Meta holds for a number, downloadable by its media id.</summary>
public sealed record MetaMediaFile(string Id, string NumberId, string MimeType, string? FileName, byte[] Content);
