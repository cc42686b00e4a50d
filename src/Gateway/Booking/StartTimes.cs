using System.Globalization;
using System.Text.Json;

namespace Serverless.Gateway.Booking;

/// <summary>
/// Start times as the upstream writes them: ISO-8601 strings, or objects with a startTime property. Two
/// spellings of one instant (Z or an offset, with or without fractions) compare equal.
/// </summary>
public static class StartTimes
{
    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        return !string.IsNullOrWhiteSpace(text)
            // Times without an offset are taken as UTC, which is what the upstream writes.
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }

    /// <summary>The start time an offered-slot element carries, in either of its two shapes.</summary>
    public static string? TextOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object when element.TryGetProperty("startTime", out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
        _ => null,
    };

    public static bool Same(DateTimeOffset a, DateTimeOffset b) => a.UtcTicks == b.UtcTicks;
}
