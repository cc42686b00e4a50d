namespace Serverless.Sandbox.ChiliPiper;

/// <summary>The availability endpoint: free slots of a meeting type's attendees over a window.</summary>
internal static class AvailabilityEndpoints
{
    private static readonly HashSet<string> UserAttendeeTypes = new(StringComparer.Ordinal) { "ManuallyAssigned", "AssignedViaTeam", "AdditionalAttendee" };

    /// <summary>One requested attendee: a user, or a round robin whose next free member attends.</summary>
    private sealed record SlotAttendee(string Type, string? UserId, string? TeamId, string? DistributionId, IReadOnlyList<string>? UserIds, bool Required);

    internal static IResult Slots(ChiliPiperCall call, JsonBody body)
    {
        if (!TryParseSlots(body, out var attendees, out var typeId, out var timestamp, out var window, out var overrides))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        var state = call.State;
        var type = state.Booking.FindMeetingType(typeId!);
        if (type is null)
        {
            return BookingWire.MeetingTypeNotFound(typeId!);
        }

        foreach (var attendee in attendees!)
        {
            if (attendee.UserId is { } userId && state.FindUser(userId) is null)
            {
                return ChiliPiperErrors.UserNotFound(userId);
            }

            if (attendee.TeamId is { } teamId && state.FindTeam(teamId) is null)
            {
                return ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "TeamNotFound", $"Team {teamId} not found");
            }

            if (attendee.DistributionId is { } distributionId && state.FindDistribution(distributionId) is null)
            {
                return ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "DistributionNotFound", $"Distribution {distributionId} not found");
            }
        }

        var shape = overrides!.Apply(BookingShape.Of(type));
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var free = new Dictionary<string, HashSet<DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var userId in attendees.SelectMany(a => PoolOf(state, a)).Distinct(StringComparer.Ordinal))
        {
            var starts = AvailabilityCalculator.FreeStarts(state, state.FindUser(userId)!, window!.Value.From, window.Value.To, shape, call.Now);
            if (starts is null)
            {
                failures[userId] = "NoTimezone";
            }

            free[userId] = [.. starts ?? []];
        }

        var startTimes = new JsonArray();
        foreach (var time in free.Values.SelectMany(s => s).Distinct().Order())
        {
            var present = new JsonArray();
            var complete = true;
            foreach (var attendee in attendees)
            {
                var available = PoolOf(state, attendee).Where(id => free[id].Contains(time)).ToList();
                if (attendee.DistributionId is { } distributionId)
                {
                    var next = state.FindDistribution(distributionId)!.NextAssignee(available);
                    complete &= !attendee.Required || next is not null;
                    if (next is not null)
                    {
                        available.Remove(next);
                        available.Insert(0, next);
                        present.AddNode(new JsonObject
                        {
                            ["type"] = "FlexibleRoundRobinAssignee",
                            ["distributionId"] = distributionId,
                            ["userIds"] = BookingWire.Strings(available),
                            ["required"] = attendee.Required,
                        });
                    }
                }
                else
                {
                    complete &= !attendee.Required || available.Count > 0;
                    if (available.Count > 0)
                    {
                        var view = new JsonObject { ["type"] = attendee.Type, ["userId"] = attendee.UserId };
                        if (attendee.TeamId is not null)
                        {
                            view["teamId"] = attendee.TeamId;
                        }

                        view["required"] = attendee.Required;
                        present.AddNode(view);
                    }
                }
            }

            if (complete && present.Count > 0)
            {
                startTimes.AddNode(new JsonObject { ["startTime"] = BookingWire.Instant(time), ["attendees"] = present });
            }
        }

        return BookingWire.Json(new JsonObject
        {
            ["meetingTypeRef"] = new JsonObject { ["id"] = type.Id, ["timestamp"] = BookingWire.Instant(timestamp) },
            ["startTimes"] = startTimes,
            ["failures"] = BookingWire.Failures(failures),
        });
    }

    private static IEnumerable<string> PoolOf(ChiliPiperState state, SlotAttendee attendee)
        => attendee.UserId is { } userId
            ? [userId]
            : (attendee.UserIds ?? BookingDesk.Members(state, state.FindDistribution(attendee.DistributionId!)!)).Where(id => state.FindUser(id) is not null);

    private static bool TryParseSlots(
        JsonBody body, out List<SlotAttendee>? attendees, out string? typeId, out DateTimeOffset timestamp, out Window? window, out ShapeOverrides? overrides)
    {
        attendees = null;
        typeId = null;
        timestamp = default;
        window = null;
        overrides = null;
        if (!body.IsObject)
        {
            return false;
        }

        var root = body.Root;
        if (!root.TryGetProperty("attendees", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
            || !root.TryGetProperty("expectedHost", out var host) || host.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("meetingTypeRef", out var reference) || reference.ValueKind != JsonValueKind.Object
            || (typeId = BookingWire.Text(reference, "id")) is null
            || !SandboxHttp.TryParseInstant(BookingWire.Text(reference, "timestamp"), out timestamp)
            || !BookingWire.TryInterval(root, "interval", out window) || window is null
            || !ShapeOverrides.TryParse(root, out overrides))
        {
            return false;
        }

        attendees = [];
        foreach (var item in list.EnumerateArray())
        {
            // 'required' has no default: an attendee without it fails decoding, as on the real API.
            if (item.ValueKind != JsonValueKind.Object || BookingWire.Text(item, "type") is not { } type
                || !JsonFields.TryGetBoolean(item, "required", out var required) || required is null
                || !JsonFields.TryGetStringArray(item, "userIds", out var userIds) || userIds is { Count: 0 })
            {
                return false;
            }

            var attendee = new SlotAttendee(type, BookingWire.Text(item, "userId"), BookingWire.Text(item, "teamId"),
                BookingWire.Text(item, "distributionId"), userIds, required.Value);
            var valid = type switch
            {
                "DistributionAssignee" => attendee.DistributionId is not null,
                "AssignedViaTeam" => attendee is { UserId: not null, TeamId: not null },
                _ => UserAttendeeTypes.Contains(type) && attendee.UserId is not null,
            };
            if (!valid)
            {
                return false;
            }

            attendees.Add(attendee with
            {
                TeamId = type == "AssignedViaTeam" ? attendee.TeamId : null,
                DistributionId = type == "DistributionAssignee" ? attendee.DistributionId : null,
                UserId = type == "DistributionAssignee" ? null : attendee.UserId,
                UserIds = type == "DistributionAssignee" ? attendee.UserIds : null,
            });
        }

        // The expected host attends even when the caller did not list it.
        switch (BookingWire.Text(host, "type"))
        {
            case "User" when BookingWire.Text(host, "userId") is { } userId:
                if (!attendees.Exists(a => a.UserId == userId))
                {
                    attendees.Insert(0, new SlotAttendee("ManuallyAssigned", userId, null, null, null, true));
                }

                return true;
            case "AssigneeFromDistribution" when BookingWire.Text(host, "distributionId") is { } distributionId:
                if (!attendees.Exists(a => a.DistributionId == distributionId))
                {
                    attendees.Insert(0, new SlotAttendee("DistributionAssignee", null, null, distributionId, null, true));
                }

                return true;
            default:
                return false;
        }
    }
}

/// <summary>The <c>meetingTypeOverride</c> durations of an availability request.</summary>
internal sealed record ShapeOverrides(TimeSpan? Duration, TimeSpan? BufferBefore, TimeSpan? BufferAfter, TimeSpan? Increment)
{
    public BookingShape Apply(BookingShape shape) => new(
        Duration ?? shape.Duration, Increment ?? shape.Increment, BufferBefore ?? shape.BufferBefore, BufferAfter ?? shape.BufferAfter);

    public static bool TryParse(JsonElement root, out ShapeOverrides? overrides)
    {
        overrides = new ShapeOverrides(null, null, null, null);
        if (!root.TryGetProperty("meetingTypeOverride", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var ok = true;
        TimeSpan? Read(string name, TimeSpan minimum)
        {
            if (!JsonFields.TryGetString(value, name, out var text))
            {
                ok = false;
                return null;
            }

            if (text is null)
            {
                return null;
            }

            var parsed = BookingWire.ParseDuration(text);
            ok &= parsed is { } p && p >= minimum;
            return parsed;
        }

        overrides = new ShapeOverrides(
            Read("meetingDurationOverride", TimeSpan.FromMinutes(1)),
            Read("beforeBufferDurationOverride", TimeSpan.Zero),
            Read("afterBufferDurationOverride", TimeSpan.Zero),
            Read("availabilityIncrementOverride", TimeSpan.FromMinutes(1)));
        return ok;
    }
}
