using System.Text.Json;
using ModelContextProtocol.Protocol;
using Serverless.Tools.Errors;

namespace Serverless.Gateway.Booking;

/// <summary>What a phase-2 call asks for: the session and the slot.</summary>
public sealed record PhaseTwoRequest(string SessionId, string StartTime, DateTimeOffset At, string? RouterId, string? PathId)
{
    /// <summary>
    /// Reads the request from the call's arguments, or returns the argument refusal the tool itself would
    /// give. The start time is looked up where the flow documents it first, then in the other place, so the
    /// check never blocks a call the tool would accept.
    /// </summary>
    public static (PhaseTwoRequest? Request, CallToolResult? Refusal) Read(BookingFlow flow, IDictionary<string, JsonElement>? arguments)
    {
        var sessionId = Text(arguments, flow.SessionIdName);
        if (sessionId is null)
        {
            return Refuse(flow.SessionIdName, $"'{flow.SessionIdName}' is required: the session id {flow.PhaseOneName} returned.");
        }

        var body = Body(arguments);
        var inBody = body is { } b && b.TryGetProperty("startTime", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var topLevel = Text(arguments, "startTime");
        (string Parameter, string? Value)[] places = flow.StartTimeInBody
            ? [("body.startTime", inBody), ("startTime", topLevel)]
            : [("startTime", topLevel), ("body.startTime", inBody)];
        var (parameter, startTime) = places.FirstOrDefault(p => p.Value is not null, places[0]);
        if (startTime is null)
        {
            return Refuse(parameter, $"'{parameter}' is required: one of the start times {flow.PhaseOneName} offered.");
        }

        if (!StartTimes.TryParse(startTime, out var at))
        {
            return Refuse(parameter, $"'{parameter}' is not an ISO-8601 date-time; send one of the start times {flow.PhaseOneName} offered, unchanged.");
        }

        string? routerId = null, pathId = null;
        if (flow.HasPaths)
        {
            routerId = Text(arguments, "routerId");
            pathId = Text(arguments, "pathId");
            if (routerId is null || pathId is null)
            {
                var missing = routerId is null ? "routerId" : "pathId";
                return Refuse(missing, $"'{missing}' is required: the router and path that offered the start time.");
            }
        }

        return (new PhaseTwoRequest(sessionId, startTime, at, routerId, pathId), null);
    }

    private static (PhaseTwoRequest?, CallToolResult?) Refuse(string parameter, string message) =>
        (null, ToolResults.InvalidArgument(new ToolArgumentException(parameter, message)));

    private static string? Text(IDictionary<string, JsonElement>? arguments, string name) =>
        arguments is not null && arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static JsonElement? Body(IDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null || !arguments.TryGetValue("body", out var body))
        {
            return null;
        }

        if (body.ValueKind == JsonValueKind.Object)
        {
            return body;
        }

        // Some clients send object arguments as JSON text.
        if (body.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var parsed = JsonDocument.Parse(body.GetString()!);
                return parsed.RootElement.ValueKind == JsonValueKind.Object ? parsed.RootElement.Clone() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }
}
