namespace Serverless.Tools.PilotStatus;

/// <summary>
/// The arguments of branding_upsert as a PUT body with the vendor's merge rule: a member left out keeps its value,
/// a member sent as null is cleared. Fields named in <see cref="Clear"/> become those nulls.
/// </summary>
public sealed record BrandingBody(
    string? LogoUrl,
    string? PrimaryColor,
    string? BackgroundColor,
    string? CompanyName,
    string? Subtitle,
    string? SupportUrl,
    string? DefaultRedirectUrl,
    bool? HidePilotStatusBranding,
    IReadOnlyList<BrandingField>? Clear)
{
    public const int CompanyNameMax = 60;
    public const int SubtitleMax = 120;

    public JsonObject ToBody()
    {
        var body = new JsonObject();
        Set(body, BrandingField.LogoUrl, AccountArguments.HttpsUrl(Given(LogoUrl, BrandingField.LogoUrl), "logoUrl"));
        Set(body, BrandingField.PrimaryColor, AccountArguments.HexColour(Given(PrimaryColor, BrandingField.PrimaryColor), "primaryColor"));
        Set(body, BrandingField.BackgroundColor, AccountArguments.HexColour(Given(BackgroundColor, BrandingField.BackgroundColor), "backgroundColor"));
        Set(body, BrandingField.CompanyName, AccountArguments.MaxLength(Given(CompanyName, BrandingField.CompanyName), CompanyNameMax, "companyName"));
        Set(body, BrandingField.Subtitle, AccountArguments.MaxLength(Given(Subtitle, BrandingField.Subtitle), SubtitleMax, "subtitle"));
        Set(body, BrandingField.SupportUrl, AccountArguments.HttpsUrl(Given(SupportUrl, BrandingField.SupportUrl), "supportUrl"));
        Set(body, BrandingField.DefaultRedirectUrl, AccountArguments.HttpsUrl(Given(DefaultRedirectUrl, BrandingField.DefaultRedirectUrl), "defaultRedirectUrl"));
        if (HidePilotStatusBranding is { } hide)
        {
            Conflict(BrandingField.HidePilotStatusBranding);
            body["hidePilotStatusBranding"] = hide;
        }

        foreach (var field in (Clear ?? []).Distinct())
        {
            body[field.Wire()] = null;
        }

        if (body.Count == 0)
        {
            throw new ToolArgumentException("clear", "Nothing to change: give at least one field to set, or name fields in 'clear' to remove them.");
        }

        return body;
    }

    /// <summary>An empty text is neither a value nor a clear; say how to clear instead of guessing.</summary>
    private string? Given(string? value, BrandingField field)
    {
        if (value is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ToolArgumentException(field.Wire(), $"'{field.Wire()}' is empty. To remove it, list \"{field.Wire()}\" in 'clear'; to keep it, leave it out.");
        }

        Conflict(field);
        return value.Trim();
    }

    private void Conflict(BrandingField field)
    {
        if (Clear?.Contains(field) == true)
        {
            throw new ToolArgumentException("clear", $"'{field.Wire()}' is both given a value and listed in 'clear'; choose one.");
        }
    }

    private static void Set(JsonObject body, BrandingField field, string? value)
    {
        if (value is not null)
        {
            body[field.Wire()] = value;
        }
    }
}
