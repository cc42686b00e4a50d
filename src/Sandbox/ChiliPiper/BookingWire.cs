using Serverless.Wire;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>A searched window, resolved to instants.</summary>
internal readonly record struct Window(DateTimeOffset From, DateTimeOffset To);

/// <summary>The body of a <c>schedule-simple</c> call, as the three booking flows share it.</summary>
internal sealed record ScheduleRequest(DateTimeOffset StartTime, BookingDetails Details)
{
    public static bool TryParse(JsonBody body, out ScheduleRequest? request)
    {
        request = null;
        if (!body.IsObject)
        {
            return false;
        }

        var root = body.Root;
        if (!JsonFields.TryGetString(root, "startTime", out var startText) || !SandboxHttp.TryParseInstant(startText, out var start)
            || !JsonFields.TryGetString(root, "guestEmail", out var guestEmail)
            || !JsonFields.TryGetString(root, "guestTimezone", out var guestTimezone)
            || !BookingWire.TryFormValues(root, "formData", out var formData))
        {
            return false;
        }

        var email = guestEmail ?? BookingWire.Email(formData);
        request = new ScheduleRequest(start, new BookingDetails(
            string.IsNullOrWhiteSpace(email) ? null : email,
            BookingWire.GuestName(formData),
            guestTimezone,
            BookingWire.Location(root),
            formData));
        return true;
    }
}

/// <summary>Reading and writing the booking flows' wire shapes.</summary>
internal static class BookingWire
{
    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(UtcInstantConverter.Format, CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan value) => value.TotalMinutes % 60 == 0 && value.TotalHours >= 1
        ? $"{value.TotalHours:0} hour{(value.TotalHours == 1 ? "" : "s")}"
        : $"{value.TotalMinutes:0} minutes";

    /// <summary>Scala-style ('7 days', '30 minutes') or ISO-8601 ('P7D') durations, as the API accepts both.</summary>
    public static TimeSpan? ParseDuration(string? text) => WireFormat.ParseDuration(text);

    /// <summary>Reads an optional <c>{startsAt, duration}</c> member: false when malformed, a null window when absent.</summary>
    public static bool TryInterval(JsonElement obj, string name, out Window? window)
    {
        window = null;
        if (!obj.TryGetProperty(name, out var interval) || interval.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (interval.ValueKind != JsonValueKind.Object
            || !JsonFields.TryGetString(interval, "startsAt", out var startsAt) || !SandboxHttp.TryParseInstant(startsAt, out var from)
            || !JsonFields.TryGetString(interval, "duration", out var durationText) || ParseDuration(durationText) is not { } length
            || length <= TimeSpan.Zero)
        {
            return false;
        }

        window = new Window(from, from + length);
        return true;
    }

    /// <summary>Reads an optional object of scalar values (form fields) as text.</summary>
    public static bool TryFormValues(JsonElement obj, string name, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!obj.TryGetProperty(name, out var form) || form.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (form.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var field in form.EnumerateObject())
        {
            if (!JsonFields.TryGetScalarText(field.Value, out var text))
            {
                return false;
            }

            if (text is not null)
            {
                values[field.Name] = text;
            }
        }

        return true;
    }

    public static string? Email(IReadOnlyDictionary<string, string> form, string field = "PersonEmail")
        => form.TryGetValue(field, out var email) || form.TryGetValue("email", out email) ? email : null;

    public static string? GuestName(IReadOnlyDictionary<string, string> form)
    {
        var name = string.Join(' ', new[] { "PersonFirstName", "PersonLastName" }.Select(f => form.TryGetValue(f, out var v) ? v : null).OfType<string>());
        return name.Length == 0 ? null : name;
    }

    /// <summary>The location as stored on the meeting: a string as given, an object as its JSON.</summary>
    public static string? Location(JsonElement body)
        => !body.TryGetProperty("location", out var location) ? null : location.ValueKind switch
        {
            JsonValueKind.String => location.GetString(),
            JsonValueKind.Null => null,
            _ => location.GetRawText(),
        };

    public static string? Text(JsonElement obj, string name)
        => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    public static JsonObject Failures(IReadOnlyDictionary<string, string> failures)
    {
        var result = new JsonObject();
        foreach (var (userId, reason) in failures)
        {
            result[userId] = new JsonObject { ["type"] = reason };
        }

        return result;
    }

    public static IResult Json(JsonNode body) => SandboxJson.Result(body);

    /// <summary>Outcome of the flat <c>schedule-simple</c> calls: a business failure still answers 200.</summary>
    public static IResult Outcome(BookingOutcome outcome) => Json(outcome.Meeting is { } meeting
        ? new JsonObject { ["type"] = "Success", ["meetingId"] = meeting.Id }
        : new JsonObject { ["type"] = "Failure", ["reason"] = outcome.Failure });

    public static IResult SessionNotFound(string routingId)
        => ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "RoutingSessionNotFound", $"Routing session {routingId} not found");

    /// <summary>
    /// What every schedule call checks first, in the vendor's order: the routing session of <paramref name="flow"/>
    /// (404 otherwise), then the body (400). Returns that refusal, or null with both in hand.
    /// </summary>
    public static IResult? OpenSchedule(
        ChiliPiperCall call, string routingId, string flow, JsonBody body, out RoutingSession session, out ScheduleRequest request)
    {
        session = null!;
        request = null!;
        if (call.State.Booking.FindSession(routingId) is not { } found || found.Flow != flow)
        {
            return SessionNotFound(routingId);
        }

        if (!ScheduleRequest.TryParse(body, out var parsed))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        session = found;
        request = parsed!;
        return null;
    }

    public static IResult MeetingTypeNotFound(string meetingTypeId)
        => ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "MeetingTypeNotFound", $"Meeting type {meetingTypeId} not found");
}
