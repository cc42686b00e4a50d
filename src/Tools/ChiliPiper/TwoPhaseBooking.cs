using System.Globalization;

namespace Serverless.Tools.ChiliPiper;

/// <summary>One start time phase 1 offered; Handoff offers them per router and path.</summary>
/// <param name="Offered">The start time exactly as the upstream wrote it, so the model can send it back verbatim.</param>
/// <param name="At">The same instant, for comparisons that ignore the offset it was written with.</param>
public sealed record OfferedStartTime(string Offered, DateTimeOffset At, string? RouterId = null, string? PathId = null);

/// <summary>What a phase-2 call asks to book: the session and the slot.</summary>
public sealed record BookingRequest(string SessionId, string StartTime, DateTimeOffset At, string? RouterId, string? PathId);

/// <summary>
/// One two-phase booking of Chili Piper, declared once beside its tools (contract: chili-piper/TOOLS.md,
/// "Two-phase bookings"): which tools open a session and which books on it, where the session id and the start
/// time travel, and how phase-1 offers and phase-2 outcomes read. The booking ledger knows the vendor only
/// through this type; a test ties every name here to the catalog.
/// </summary>
/// <param name="Name">Keeps the ids of different flows apart.</param>
/// <param name="SessionIdName">The field naming the session, in the phase-1 result and as a phase-2 parameter.</param>
/// <param name="StartTimeInBody">True when phase 2 takes the start time as body.startTime rather than a startTime parameter.</param>
/// <param name="HasPaths">Handoff offers start times per router and path, and phase 2 names both.</param>
/// <param name="PhaseOneCondition">When phase 1 opens a session only on some calls, which ones.</param>
public sealed record TwoPhaseBooking(
    string Name,
    IReadOnlyList<string> PhaseOneTools,
    string PhaseTwoTool,
    string SessionIdName,
    bool StartTimeInBody,
    bool HasPaths,
    string? PhaseOneCondition = null)
{
    // Wire names of the shapes both phases share.
    public const string StartTimesField = "startTimes";
    public const string StartTimeField = "startTime";
    public const string BodyParameter = "body";
    public const string RoutersField = "routers";
    public const string RouterIdField = "routerId";
    public const string PathResultsField = "pathResults";
    public const string PathIdField = "pathId";
    public const string MeetingIdField = "meetingId";

    /// <summary>Handoff nests the booking answer under this member.</summary>
    public const string NestedResultField = "scheduleMeetingResult";

    /// <summary>The read-only tool that shows whether a booking created a meeting, when its outcome is unknown.</summary>
    public const string CheckTool = "meeting-list-put";

    /// <summary>The vendor's answer type (and this gateway's code) for a failure reported inside a 200.</summary>
    public const string FailureCode = "Failure";

    // Handoff nests paths (a Fork path holds its sub-paths); real answers stay far below this.
    private const int MaxDepth = 8;

    public static readonly TwoPhaseBooking SchedulingLink = new("scheduling-link", ["scheduling-link-init"], "scheduling-link-schedule", "routeId", StartTimeInBody: true, HasPaths: false);

    public static readonly TwoPhaseBooking Handoff = new("handoff", ["handoff-init"], "handoff-schedule", "routingId", StartTimeInBody: false, HasPaths: true);

    public static readonly TwoPhaseBooking Concierge = new("concierge", ["concierge-route-by-slug", "concierge-route"], "concierge-schedule", "routingId", StartTimeInBody: true, HasPaths: false,
        PhaseOneCondition: "with an interval");

    public static IReadOnlyList<TwoPhaseBooking> All { get; } = [SchedulingLink, Handoff, Concierge];

    /// <summary>The flow a tool takes part in, and whether it is that flow's phase 1 or phase 2.</summary>
    public static bool TryFind(string tool, out TwoPhaseBooking flow, out int phase)
    {
        foreach (var candidate in All)
        {
            if (candidate.PhaseOneTools.Contains(tool, StringComparer.Ordinal))
            {
                (flow, phase) = (candidate, 1);
                return true;
            }

            if (string.Equals(candidate.PhaseTwoTool, tool, StringComparison.Ordinal))
            {
                (flow, phase) = (candidate, 2);
                return true;
            }
        }

        (flow, phase) = (null!, 0);
        return false;
    }

    public string StartTimeParameter => StartTimeInBody ? BodyParameter + "." + StartTimeField : StartTimeField;

    /// <summary>The top-level parameters of the phase-2 tool this contract reads.</summary>
    public IReadOnlyList<string> PhaseTwoParameters =>
        [SessionIdName, StartTimeInBody ? BodyParameter : StartTimeField, .. HasPaths ? new[] { RouterIdField, PathIdField } : []];

    /// <summary>How to name phase 1 to the model ("scheduling-link-init", "concierge-route-by-slug or concierge-route").</summary>
    public string PhaseOneName => string.Join(" or ", PhaseOneTools) + (PhaseOneCondition is null ? "" : $" ({PhaseOneCondition})");

    /// <summary>Reads the session id and offered start times of a successful phase-1 result.</summary>
    /// <returns>False when the result opened no session (a concierge route without an interval returns only a link).</returns>
    public bool TryReadOffer(JsonElement result, out string sessionId, out IReadOnlyList<OfferedStartTime> offered)
    {
        sessionId = "";
        offered = [];
        if (result.ValueKind != JsonValueKind.Object || Text(result, SessionIdName) is not { } id)
        {
            return false;
        }

        sessionId = id;
        var slots = new List<OfferedStartTime>();
        if (!HasPaths)
        {
            CollectStartTimes(result, null, null, slots);
        }
        else if (result.TryGetProperty(RoutersField, out var routers) && routers.ValueKind == JsonValueKind.Array)
        {
            foreach (var router in routers.EnumerateArray())
            {
                if (router.ValueKind == JsonValueKind.Object && Text(router, RouterIdField) is { } routerId
                    && router.TryGetProperty(PathResultsField, out var paths))
                {
                    CollectPaths(paths, routerId, slots, 0);
                }
            }
        }

        offered = slots;
        return true;
    }

    /// <summary>
    /// Reads what a phase-2 call asks for, refusing as the tool itself would. The start time is looked up where
    /// the flow documents it first, then in the other place, so the check never blocks a call the tool would accept.
    /// </summary>
    /// <exception cref="ToolArgumentException">A member the booking needs is missing or malformed.</exception>
    public BookingRequest ReadRequest(IDictionary<string, JsonElement>? arguments)
    {
        var sessionId = Text(arguments, SessionIdName)
            ?? throw new ToolArgumentException(SessionIdName, $"'{SessionIdName}' is required: the session id {PhaseOneName} returned.");

        var body = BodyOf(arguments);
        var inBody = body is { } b && b.TryGetProperty(StartTimeField, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var topLevel = Text(arguments, StartTimeField);
        var bodyParameter = BodyParameter + "." + StartTimeField;
        (string Parameter, string? Value)[] places = StartTimeInBody
            ? [(bodyParameter, inBody), (StartTimeField, topLevel)]
            : [(StartTimeField, topLevel), (bodyParameter, inBody)];
        var (parameter, startTime) = places.FirstOrDefault(p => p.Value is not null, places[0]);
        if (startTime is null)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' is required: one of the start times {PhaseOneName} offered.");
        }

        if (!TryParseStartTime(startTime, out var at))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' is not an ISO-8601 date-time; send one of the start times {PhaseOneName} offered, unchanged.");
        }

        string? routerId = null, pathId = null;
        if (HasPaths)
        {
            routerId = Text(arguments, RouterIdField);
            pathId = Text(arguments, PathIdField);
            if (routerId is null || pathId is null)
            {
                var missing = routerId is null ? RouterIdField : PathIdField;
                throw new ToolArgumentException(missing, $"'{missing}' is required: the router and path that offered the start time.");
            }
        }

        return new BookingRequest(sessionId, startTime, at, routerId, pathId);
    }

    /// <summary>
    /// The one check for a failure Chili Piper reports inside a 200 (cancel and the schedule-simple calls answer
    /// type: Failure; Handoff nests it): its message, or null when the answer is not one.
    /// </summary>
    public static string? FailureIn(JsonNode? body)
    {
        // Handoff's answer describes the routing; the nested result is the booking's own.
        var holder = body is JsonObject result ? result[NestedResultField] as JsonObject ?? result : null;
        if (holder?["type"] is not JsonValue type || !type.TryGetValue(out string? kind) || kind != FailureCode)
        {
            return null;
        }

        var detail = holder["reason"] ?? holder["details"] ?? holder["message"];
        return detail switch
        {
            null => "The operation failed.",
            JsonValue v when v.TryGetValue(out string? text) => text,
            _ => detail.ToJsonString(),
        };
    }

    /// <summary>The meeting id of a successful booking: top level, or under scheduleMeetingResult (Handoff).</summary>
    public static string? MeetingIdOf(JsonNode? result)
    {
        foreach (var holder in Holders(result as JsonObject))
        {
            if (holder[MeetingIdField] is JsonValue id && id.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
            {
                return id.TryGetValue(out string? text) ? text : id.ToJsonString();
            }
        }

        return null;
    }

    /// <summary>Start times as the upstream writes them; times without an offset are UTC, as the upstream means them.</summary>
    public static bool TryParseStartTime(string? text, out DateTimeOffset at)
    {
        at = default;
        return !string.IsNullOrWhiteSpace(text)
            && DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }

    private static IEnumerable<JsonObject> Holders(JsonObject? result)
    {
        if (result is null)
        {
            yield break;
        }

        yield return result;
        if (result[NestedResultField] is JsonObject nested)
        {
            yield return nested;
        }
    }

    private static void CollectPaths(JsonElement element, string routerId, List<OfferedStartTime> slots, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectPaths(item, routerId, slots, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (Text(element, PathIdField) is { } pathId)
        {
            CollectStartTimes(element, routerId, pathId, slots);
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != StartTimesField && property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                CollectPaths(property.Value, routerId, slots, depth + 1);
            }
        }
    }

    private static void CollectStartTimes(JsonElement holder, string? routerId, string? pathId, List<OfferedStartTime> slots)
    {
        if (!holder.TryGetProperty(StartTimesField, out var startTimes) || startTimes.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in startTimes.EnumerateArray())
        {
            // A start time is a string, or an object with a startTime member (availability and Handoff).
            var text = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object when item.TryGetProperty(StartTimeField, out var inner) && inner.ValueKind == JsonValueKind.String => inner.GetString(),
                _ => null,
            };
            if (text is not null && TryParseStartTime(text, out var at))
            {
                slots.Add(new OfferedStartTime(text, at, routerId, pathId));
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    private static string? Text(IDictionary<string, JsonElement>? arguments, string name) =>
        arguments is not null && arguments.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;

    private static JsonElement? BodyOf(IDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null || !arguments.TryGetValue(BodyParameter, out var body))
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
