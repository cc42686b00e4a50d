using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Serverless.Tools.ChiliPiper;
using Serverless.Tools.Errors;
using Serverless.Tools.Json;

namespace Serverless.Gateway.Booking;

/// <summary>
/// The results the ledger gives instead of, or on top of, the tool's own. Refusals are typed tool errors like
/// every other (error.code, parameter, message, next), and say that the upstream was not called.
/// </summary>
public static class BookingResults
{
    public const string SessionUnknown = "BOOKING_SESSION_UNKNOWN";
    public const string SessionNotYours = "BOOKING_SESSION_NOT_YOURS";
    public const string SessionExpired = "BOOKING_SESSION_EXPIRED";
    public const string SessionFailed = "BOOKING_SESSION_FAILED";
    public const string OutcomeUnknown = "BOOKING_OUTCOME_UNKNOWN";
    public const string InProgress = "BOOKING_IN_PROGRESS";
    public const string SlotNotOffered = "SLOT_NOT_OFFERED";

    /// <summary>The list tool that shows whether a meeting exists, for outcomes the ledger cannot know.</summary>
    public const string CheckTool = TwoPhaseBooking.CheckTool;

    private const string SessionTopic = "Booking session";

    public static CallToolResult Refusal(string code, string parameter, string message, string next, JsonObject? details = null) =>
        ToolResults.Error(ToolError.Refused(code, message, next, parameter) with { RefusedBy = "Booking refused", Details = details });

    /// <summary>The booking recorded for a session, returned again without calling the upstream.</summary>
    public static CallToolResult AlreadyBooked(BookingSession session)
    {
        var body = session.BookingResultJson is { } json && JsonNode.Parse(json) is JsonObject recorded ? recorded : new JsonObject();
        body.Remove("_note");
        body["alreadyBooked"] = true;
        var note = $"This session was already booked at {session.StateChangedAt:O} for start time {session.StartTime}; this call booked nothing. " +
            "The fields above are the recorded booking. To book another time, run phase 1 again for a new session.";
        return ToolResults.Success(body, note);
    }

    /// <summary>A phase-2 error, with what it means for the session added to its advice.</summary>
    public static CallToolResult WithSessionAdvice(CallToolResult result, ToolError? error, string advice) => error is not null
        ? ToolResults.Error(error with { Also = (SessionTopic, advice) })
        : Untyped(result, advice);

    // The SDK's own error (a tool that threw) carries no typed error: its text is kept, and the advice added.
    private static CallToolResult Untyped(CallToolResult result, string advice)
    {
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        return new CallToolResult
        {
            IsError = true,
            StructuredContent = JsonSerializer.SerializeToElement(
                new JsonObject { ["error"] = new JsonObject { ["next"] = advice } }, ToolJson.Options.GetTypeInfo(typeof(JsonNode))),
            Content = [new TextContentBlock { Text = (text.Length == 0 ? "" : text + "\n") + SessionTopic + ": " + advice }],
        };
    }
}
