using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Serverless.Tools.Errors;
using Serverless.Tools.Json;

namespace Serverless.Gateway.Booking;

/// <summary>
/// The results the ledger gives instead of, or on top of, the tool's own. Refusals start from the tool
/// layer's argument error, so they have exactly the shape of every other error result (error.code,
/// parameter, message, next), and a refusal says that the upstream was not called.
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
    public const string CheckTool = "meeting-list-put";

    public static CallToolResult Refusal(string code, string parameter, string message, string next, JsonObject? details = null)
    {
        var result = ToolResults.InvalidArgument(new ToolArgumentException(parameter, message, code));
        return Amend(result, error =>
        {
            error["next"] = next;
            foreach (var (name, value) in details ?? new JsonObject())
            {
                error[name] = value?.DeepClone();
            }
        }, $"Booking refused ({code}): {message}\nNext: {next} The upstream was not called.");
    }

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

    /// <summary>An upstream error result from phase 2, with what it means for the session added to its advice.</summary>
    public static CallToolResult WithSessionAdvice(CallToolResult result, string advice)
    {
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        return Amend(result, error =>
        {
            error["next"] = error["next"] is JsonValue value && value.TryGetValue<string>(out var next) && next.Length > 0
                ? next + " " + advice
                : advice;
        }, (text.Length == 0 ? "" : text + "\n") + "Booking session: " + advice);
    }

    /// <summary>The error object of an error result, when it has the structured shape.</summary>
    public static JsonElement? ErrorOf(CallToolResult result) =>
        result.StructuredContent is { ValueKind: JsonValueKind.Object } content
        && content.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            ? error
            : null;

    private static CallToolResult Amend(CallToolResult result, Action<JsonObject> change, string text)
    {
        var root = result.StructuredContent is { ValueKind: JsonValueKind.Object } content
            ? JsonSerializer.SerializeToNode(content, ToolJson.Options.GetTypeInfo(typeof(JsonElement)))!.AsObject()
            : new JsonObject();
        if (root["error"] is not JsonObject error)
        {
            root["error"] = error = new JsonObject();
        }

        change(error);
        return new CallToolResult
        {
            IsError = true,
            StructuredContent = JsonSerializer.SerializeToElement(root, ToolJson.Options.GetTypeInfo(typeof(JsonNode))),
            Content = [new TextContentBlock { Text = text }],
        };
    }
}
