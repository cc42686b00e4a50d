using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace Serverless.Wire;

/// <summary>
/// How both vendors write instants and durations, read once. This source is compiled into the tools and into the
/// sandbox twin (linked, not referenced): the twin stays free of gateway code, yet the two cannot drift apart.
/// </summary>
internal static partial class WireFormat
{
    /// <summary>Parses an ISO-8601 date or date-time; values without an offset are taken as UTC, and the result is UTC.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset value)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>Reads the two duration spellings Chili Piper accepts: Scala's ('7 days', '30 minutes') and ISO-8601 ('P7D').</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value[0] is 'P' or 'p')
        {
            try
            {
                return XmlConvert.ToTimeSpan(value.ToUpperInvariant());
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                return null;
            }
        }

        var match = ScalaDuration().Match(value);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > 100_000)
        {
            return null;
        }

        return match.Groups[2].Value.ToLowerInvariant() switch
        {
            "d" or "day" or "days" => TimeSpan.FromDays(amount),
            "h" or "hour" or "hours" => TimeSpan.FromHours(amount),
            "m" or "min" or "mins" or "minute" or "minutes" => TimeSpan.FromMinutes(amount),
            "s" or "sec" or "secs" or "second" or "seconds" => TimeSpan.FromSeconds(amount),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(\d+)\s*([A-Za-z]+)$")]
    private static partial Regex ScalaDuration();
}
