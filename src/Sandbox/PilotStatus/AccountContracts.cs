namespace Serverless.Sandbox.PilotStatus;

// Wire shapes of the account endpoints. Nulls are written on purpose, as the vendor does (key: null for legacy keys,
// unset branding fields).

public sealed record ApiKeyListItem(
    string NumberId,
    string Number,
    string DisplayName,
    string? KeyId,
    string? KeyLast4,
    string? Key,
    bool Revealable);

public sealed record RegeneratedApiKey(
    string Id,
    string Name,
    string Key,
    string KeyPrefix,
    string KeyLast4,
    string Scope,
    string WhatsappNumberId,
    DateTimeOffset CreatedAt);

public sealed record PreviewExplanation(string Pt, string En);

public sealed record ExtraNumbersPreview(
    bool RequiresConversion,
    string FromPlan,
    string ToPlan,
    int CurrentNumbers,
    int Requested,
    int BilledQuantity,
    decimal UnitPriceBRL,
    decimal MonthlyTotalBRL,
    bool MessagesBecomeUnlimited,
    bool HasSavedCard,
    PreviewExplanation Explanation);

public sealed record ExtraNumbersCharged(bool Success, bool Charged, string Plan, int PaidExtraNumbers, decimal MonthlyTotalBRL);

public sealed record ExtraNumbersCheckout(bool Success, bool Charged, string CheckoutUrl);

public sealed record CheckoutResponse(string Url, string Purpose, string OrderId, decimal? Amount, string Currency);

public sealed record BrandingResponse(ConnectBranding Branding);

public sealed record DailyMessageCount(string Date, int Count);

public sealed record StatusDistribution(int Queued, int Sent, int Failed, int Read);

public sealed record AnalyticsDashboardResponse(
    int TotalSent,
    int TotalFailed,
    double SentPercentChange,
    double FailedPercentChange,
    double FailureRate,
    IReadOnlyList<DailyMessageCount> DailyMessages,
    StatusDistribution StatusDistribution);

public sealed record MediaResponse(string Base64, string MimeType, string? FileName, string MediaId);
