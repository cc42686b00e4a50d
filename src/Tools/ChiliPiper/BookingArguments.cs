using System.Text.RegularExpressions;
using Serverless.Wire;

namespace Serverless.Tools.ChiliPiper;

/// <summary>
/// The cheap rules of the scheduling, Handoff and Concierge calls, checked before anything is sent, so a model
/// learns about a malformed interval or a missing start time without spending a routing session on it.
/// </summary>
internal static partial class BookingArguments
{
    public static JsonObject Interval(TimeInterval? interval, string parameter)
    {
        if (interval is null)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' is required: {{\"startsAt\": \"<ISO instant>\", \"duration\": \"7 days\"}}.");
        }

        var startsAt = Instant(interval.StartsAt, parameter + ".startsAt");
        var text = Arguments.NotBlank(interval.Duration, parameter + ".duration");
        if (Duration(text) is not { } length || length <= TimeSpan.Zero)
        {
            throw new ToolArgumentException(parameter + ".duration",
                $"'{parameter}.duration' must be a positive duration such as '7 days', '90 minutes' or 'P7D'; got '{text}'.");
        }

        return new JsonObject { ["startsAt"] = startsAt, ["duration"] = text };
    }

    /// <summary>Reads the two duration spellings the API accepts: Scala's ('7 days', '30 minutes') and ISO-8601 ('P7D').</summary>
    public static TimeSpan? Duration(string? text) => WireFormat.ParseDuration(text);

    public static string Instant(string? value, string parameter)
    {
        var text = Arguments.NotBlank(value, parameter);
        if (!WireFormat.TryParseInstant(text, out _))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must be an ISO-8601 instant such as 2026-03-02T15:00:00Z; got '{text}'.");
        }

        return text;
    }

    /// <summary>
    /// The body of a schedule-simple call: an object whose startTime is one of the start times phase 1 offered.
    /// Other members pass through unchanged, since the vendor has not published them all.
    /// </summary>
    public static JsonObject ScheduleBody(JsonElement body, string parameter)
    {
        var result = Arguments.JsonObject(body, parameter);
        var startTime = result["startTime"] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
        if (string.IsNullOrWhiteSpace(startTime))
        {
            throw new ToolArgumentException(parameter + ".startTime",
                $"'{parameter}.startTime' is required: pass one of the start times the first phase returned.");
        }

        Instant(startTime, parameter + ".startTime");
        if (result["guestEmail"] is JsonValue email)
        {
            Arguments.Email(email.TryGetValue(out string? address) ? address : null, parameter + ".guestEmail");
        }

        if (result["formData"] is { } formData && formData is not JsonObject)
        {
            throw new ToolArgumentException(parameter + ".formData", $"'{parameter}.formData' must be an object of field reference to value.");
        }

        return result;
    }

    /// <summary>A list filter: left out when empty (the API refuses empty filter arrays), each item checked.</summary>
    public static JsonArray? Filter(string[]? values, string parameter, Func<string, bool> valid, string rule)
    {
        var items = (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (items.Length == 0)
        {
            return null;
        }

        if (items.FirstOrDefault(v => !valid(v)) is { } bad)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' items must be {rule}; got '{bad}'.");
        }

        return new JsonArray([.. items.Select(v => JsonValue.Create(v))]);
    }


    public static bool IsSlug(string value) => Slug().IsMatch(value);

    public static bool IsId(string value) => Id().IsMatch(value);

    [GeneratedRegex(@"^[-0-9a-z_]+$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"^[^\s\\/]+$")]
    private static partial Regex Id();
}
