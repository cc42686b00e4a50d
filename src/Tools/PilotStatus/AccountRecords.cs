using System.Text.Json.Serialization;

namespace Serverless.Tools.PilotStatus;

/// <summary>What a Stripe checkout started by billing_checkout is for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BillingPurpose>))]
public enum BillingPurpose
{
    [JsonStringEnumMemberName("wallet_topup")] WalletTopup,
    [JsonStringEnumMemberName("add_card")] AddCard,
}

/// <summary>The look-back windows the analytics dashboard offers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AnalyticsPeriod>))]
public enum AnalyticsPeriod
{
    [JsonStringEnumMemberName("7d")] SevenDays,
    [JsonStringEnumMemberName("30d")] ThirtyDays,
    [JsonStringEnumMemberName("90d")] NinetyDays,
}

/// <summary>The fields of the connect-page branding, named as the API names them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BrandingField>))]
public enum BrandingField
{
    [JsonStringEnumMemberName("logoUrl")] LogoUrl,
    [JsonStringEnumMemberName("primaryColor")] PrimaryColor,
    [JsonStringEnumMemberName("backgroundColor")] BackgroundColor,
    [JsonStringEnumMemberName("companyName")] CompanyName,
    [JsonStringEnumMemberName("subtitle")] Subtitle,
    [JsonStringEnumMemberName("supportUrl")] SupportUrl,
    [JsonStringEnumMemberName("defaultRedirectUrl")] DefaultRedirectUrl,
    [JsonStringEnumMemberName("hidePilotStatusBranding")] HidePilotStatusBranding,
}

internal static class AccountChoices
{
    public static string Wire(this BillingPurpose purpose) => purpose == BillingPurpose.WalletTopup ? "wallet_topup" : "add_card";

    public static string Wire(this AnalyticsPeriod period) => period switch
    {
        AnalyticsPeriod.SevenDays => "7d",
        AnalyticsPeriod.NinetyDays => "90d",
        _ => "30d",
    };

    public static string Wire(this BrandingField field) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.ToString());
}
