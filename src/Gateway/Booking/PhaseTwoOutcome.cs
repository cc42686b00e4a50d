using System.Text.Json;

namespace Serverless.Gateway.Booking;

/// <summary>How to read a phase-2 result: did it book, fail upstream, or never reach the upstream.</summary>
public static class PhaseTwoOutcome
{
    public enum Kind
    {
        /// <summary>The tool refused before calling, or the upstream turned the call away unprocessed.</summary>
        NotReached,

        /// <summary>The upstream answered with a failure; the session is spent.</summary>
        Failed,

        /// <summary>The booking may or may not exist.</summary>
        Unknown,
    }

    // Refusals of the request as such (credential, permission, rate limit): the vendor did not look at the session.
    private static readonly int[] Unprocessed = [401, 403, 429];

    /// <param name="error">The error object of an error result, or null when it has none.</param>
    public static Kind Classify(JsonElement? error)
    {
        if (error is not { } e)
        {
            return Kind.Unknown;
        }

        if (e.TryGetProperty("outcomeUnknown", out var unknown) && unknown.ValueKind == JsonValueKind.True)
        {
            return Kind.Unknown;
        }

        // Errors that come from an upstream answer carry its HTTP status; the tool's own refusals carry none.
        if (!e.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.Number)
        {
            return Kind.NotReached;
        }

        return Unprocessed.Contains(status.GetInt32()) ? Kind.NotReached : Kind.Failed;
    }

    /// <summary>The meeting id of a successful booking: top level, or under scheduleMeetingResult (handoff).</summary>
    public static string? MeetingIdOf(JsonElement result)
    {
        foreach (var holder in Holders(result))
        {
            if (holder.TryGetProperty("meetingId", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                return id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
            }
        }

        return null;
    }

    /// <summary>
    /// A Failure inside a successful result. The client already turns these into errors; this guards the ledger
    /// against recording one as a booking if a tool ever lets it through.
    /// </summary>
    public static bool IsBusinessFailure(JsonElement result) =>
        Holders(result).Any(h => h.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Failure");

    private static IEnumerable<JsonElement> Holders(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        yield return result;
        if (result.TryGetProperty("scheduleMeetingResult", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            yield return nested;
        }
    }
}
