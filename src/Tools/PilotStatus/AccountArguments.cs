using System.Text.RegularExpressions;

namespace Serverless.Tools.PilotStatus;

/// <summary>Argument checks specific to the account tools (URLs, colours, time zones, Meta ids).</summary>
internal static partial class AccountArguments
{
    public static string? HttpsUrl(string? value, string parameter)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must be an absolute https:// URL; got '{value}'.");
        }

        return text;
    }

    public static string? HexColour(string? value, string parameter)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        if (!Colour().IsMatch(text))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must be a colour in #RRGGBB form such as #25D366; got '{value}'.");
        }

        return text;
    }

    public static string? MaxLength(string? value, int max, string parameter)
    {
        if (value is not null && value.Length > max)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' takes at most {max} characters; got {value.Length}.");
        }

        return value;
    }

    /// <summary>Accepts IANA zone names only (America/Sao_Paulo, UTC), since that is what the API understands.</summary>
    public static string? IanaTimeZone(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var known = TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone);
        // Hosts without a zone database (Windows with invariant globalization) cannot resolve IANA names;
        // there only the shape is checked, so a valid zone is never refused.
        var canResolveIana = known || TimeZoneInfo.TryFindSystemTimeZoneById("America/Sao_Paulo", out _);
        var valid = canResolveIana ? known && zone!.HasIanaId : IanaShape().IsMatch(text);
        if (!valid)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must be an IANA time zone such as America/Sao_Paulo or UTC; got '{value}'.");
        }

        return text;
    }

    /// <summary>Meta phone-number ids are numeric; a phone number or a num_ id here is the usual mix-up.</summary>
    public static string MetaPhoneNumberId(string? value, string parameter)
    {
        var text = Validation.Arguments.NotBlank(value, parameter);
        if (!text.All(char.IsAsciiDigit))
        {
            throw new ToolArgumentException(parameter,
                $"'{parameter}' is Meta's numeric phone-number id (phoneNumberId in the webhook payload), not the phone number or the Pilot Status number id; got '{value}'.");
        }

        return text;
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex Colour();

    [GeneratedRegex(@"^(UTC|[A-Za-z_]+(/[A-Za-z0-9_+\-]+)+)$")]
    private static partial Regex IanaShape();
}
