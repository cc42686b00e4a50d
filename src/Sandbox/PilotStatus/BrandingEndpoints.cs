using System.Text.RegularExpressions;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Connect-page branding: a member left out keeps its value, a member sent as null clears it.</summary>
internal static partial class BrandingEndpoints
{
    private const int CompanyNameMax = 60;
    private const int SubtitleMax = 120;

    public static IResult Get(PilotStatusCall call) => SandboxJson.Result(new BrandingResponse(call.State.Account.Branding));

    public static IResult Upsert(PilotStatusCall call, JsonBody body)
    {
        if (!body.IsObject)
        {
            return PilotStatusErrors.Validation("The body must be a JSON object.");
        }

        var root = body.Root;
        var errors = new List<string>();
        var b = call.State.Account.Branding;
        b = b with
        {
            LogoUrl = Text(root, "logoUrl", b.LogoUrl, IsHttps, "must be an https URL", errors),
            PrimaryColor = Text(root, "primaryColor", b.PrimaryColor, IsColour, "must be a #RRGGBB colour", errors),
            BackgroundColor = Text(root, "backgroundColor", b.BackgroundColor, IsColour, "must be a #RRGGBB colour", errors),
            CompanyName = Text(root, "companyName", b.CompanyName, v => v.Length <= CompanyNameMax, $"must be at most {CompanyNameMax} characters", errors),
            Subtitle = Text(root, "subtitle", b.Subtitle, v => v.Length <= SubtitleMax, $"must be at most {SubtitleMax} characters", errors),
            SupportUrl = Text(root, "supportUrl", b.SupportUrl, IsHttps, "must be an https URL", errors),
            DefaultRedirectUrl = Text(root, "defaultRedirectUrl", b.DefaultRedirectUrl, IsHttps, "must be an https URL", errors),
            HidePilotStatusBranding = Flag(root, "hidePilotStatusBranding", b.HidePilotStatusBranding, errors),
        };

        if (errors.Count > 0)
        {
            return PilotStatusErrors.Validation("Validation error: " + string.Join("; ", errors) + ".", new FieldErrorsDetails(errors));
        }

        call.State.Account.Branding = b;
        return SandboxJson.Result(new BrandingResponse(b));
    }

    private static string? Text(JsonElement root, string name, string? current, Func<string, bool> valid, string rule, List<string> errors)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            return current;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String || !valid(element.GetString()!))
        {
            errors.Add($"{name} {rule}");
            return current;
        }

        return element.GetString();
    }

    private static bool Flag(JsonElement root, string name, bool current, List<string> errors)
    {
        if (!root.TryGetProperty(name, out var element))
        {
            return current;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return false;
            case JsonValueKind.True or JsonValueKind.False:
                return element.GetBoolean();
            default:
                errors.Add($"{name} must be a boolean");
                return current;
        }
    }

    private static bool IsHttps(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    private static bool IsColour(string value) => Colour().IsMatch(value);

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex Colour();
}
