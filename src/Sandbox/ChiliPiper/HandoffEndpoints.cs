namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Handoff routing and booking.</summary>
internal static class HandoffEndpoints
{
    private const string Flow = "Handoff";

    public static IEndpointRouteBuilder MapHandoffEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/handoff/workspace/{workspaceId}/booker/{userId}/init-simple",
            ChiliPiperOperations.HandoffInit, state, Init);
        routes.MapChiliPiperOperation(HttpMethods.Post,
            "/v1/org/handoff/routing/{routingId}/router/{routerId}/path/{pathId}/booker/{userId}/schedule-simple",
            ChiliPiperOperations.HandoffSchedule, state, Schedule);
        return routes;
    }

    private static IResult Init(ChiliPiperCall call, JsonBody body)
    {
        var state = call.State;
        var workspaceId = call.Route("workspaceId") ?? string.Empty;
        var bookerId = call.Route("userId") ?? string.Empty;
        if (state.FindWorkspace(workspaceId) is null)
        {
            return ChiliPiperErrors.WorkspaceNotFound(workspaceId);
        }

        if (state.FindUser(bookerId) is null)
        {
            return ChiliPiperErrors.UserNotFound(bookerId);
        }

        if (!TryParseProspect(body, out var values, out var guestEmail)
            || !BookingWire.TryInterval(body.Root, "interval", out var window) || window is null
            || !JsonFields.TryGetString(body.Root, "routerId", out var routerId))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        var routers = state.Booking.HandoffRouterList.Where(r => r.WorkspaceId == workspaceId && (routerId is null || r.Id == routerId)).ToArray();
        if (routerId is not null && routers.Length == 0)
        {
            return ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "HandoffRouterNotFound", $"Handoff router {routerId} not found in workspace {workspaceId}");
        }

        var session = BookingDesk.Open(state, Flow, workspaceId, workspaceId, call.Now, bookerId, guestEmail, formData: values);
        var routerResults = new JsonArray();
        foreach (var router in routers)
        {
            var pathResults = new JsonArray();
            var path = router.Paths.FirstOrDefault(p => p.Conditions is null || RuleConditions.Matches(p.Conditions, values));
            if (path is not null && state.Booking.FindMeetingType(path.MeetingTypeId) is { } type)
            {
                var target = path.UserId is { } userId
                    ? BookingDesk.Target(type, HostSelection.Single, [userId])
                    : BookingDesk.Target(type, HostSelection.RoundRobin,
                        state.FindDistribution(path.DistributionId!) is { } distribution ? BookingDesk.Members(state, distribution) : [],
                        path.DistributionId);
                session.Targets[Key(router.Id, path.Id)] = target;
                BookingDesk.Offer(state, target, window.Value.From, window.Value.To, call.Now);
                pathResults.AddNode(PathResult(state, path, target));
            }

            routerResults.AddNode(new JsonObject { ["routerId"] = router.Id, ["name"] = router.Name, ["pathResults"] = pathResults });
        }

        return BookingWire.Json(new JsonObject
        {
            ["routingId"] = session.Id,
            ["guestEmail"] = guestEmail,
            ["routers"] = routerResults,
        });
    }

    private static JsonObject PathResult(ChiliPiperState state, HandoffPath path, BookingTarget target)
    {
        var startTimes = new JsonArray();
        foreach (var start in target.StartTimes)
        {
            startTimes.AddNode(new JsonObject { ["startTime"] = BookingWire.Instant(start), ["attendees"] = BookingDesk.Attendees(state, target, start) });
        }

        return new JsonObject
        {
            ["type"] = "Schedule",
            ["pathId"] = path.Id,
            ["name"] = path.Name,
            ["assignees"] = BookingWire.Strings(target.Candidates),
            ["meetingHost"] = target.DistributionId is { } distributionId
                ? new JsonObject { ["type"] = "AssigneeFromDistribution", ["distributionId"] = distributionId }
                : new JsonObject { ["type"] = "User", ["userId"] = target.Candidates[0] },
            ["meetingTypeId"] = target.MeetingTypeId,
            ["duration"] = BookingWire.Duration(target.Duration),
            ["locations"] = new JsonArray(),
            ["startTimes"] = startTimes,
        };
    }

    /// <summary>
    /// A prospect by email, or by CRM record. The twin has no CRM, so a record stands for a made-up address that
    /// stays the same for the same id.
    /// </summary>
    private static bool TryParseProspect(JsonBody body, out Dictionary<string, string> values, out string? guestEmail)
    {
        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        guestEmail = null;
        if (!body.IsObject)
        {
            return false;
        }

        switch (BookingWire.Text(body.Root, "type"))
        {
            case "GuestEmailRequest":
                guestEmail = BookingWire.Text(body.Root, "guestEmail");
                break;
            case "CrmRequest" when body.Root.TryGetProperty("id", out var id) && BookingWire.Text(id, "type") is "LeadId" or "ContactId"
                                   && BookingWire.Text(id, "value") is { Length: > 0 } value:
                var kind = BookingWire.Text(id, "type")!;
                values[kind] = value;
                guestEmail = $"{kind[..^2].ToLowerInvariant()}-{Uri.EscapeDataString(value).ToLowerInvariant()}@crm.{ChiliPiperSeed.Domain}";
                break;
            default:
                return false;
        }

        if (string.IsNullOrWhiteSpace(guestEmail) || !guestEmail.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        values["PersonEmail"] = guestEmail;
        return true;
    }

    private static IResult Schedule(ChiliPiperCall call, JsonBody body)
    {
        var state = call.State;
        var routingId = call.Route("routingId") ?? string.Empty;
        if (BookingWire.OpenSchedule(call, routingId, Flow, body, out var session, out var request) is { } refusal)
        {
            return refusal;
        }

        var routerId = call.Route("routerId") ?? string.Empty;
        var pathId = call.Route("pathId") ?? string.Empty;
        var bookerId = call.Route("userId") ?? string.Empty;
        session.Targets.TryGetValue(Key(routerId, pathId), out var target);
        var outcome = bookerId != session.BookerId
            ? BookingOutcome.Failed($"user {bookerId} did not start routing {routingId}; book as the same user as handoff-init")
            : target is null
                ? BookingOutcome.Failed($"router {routerId} path {pathId} is not part of routing {routingId}")
                : BookingDesk.Book(state, session, target, request.StartTime, request.Details, call.Now);

        var host = outcome.Meeting is { } meeting ? state.FindUser(meeting.HostId) : null;
        return BookingWire.Json(new JsonObject
        {
            ["meetingTypeId"] = target?.MeetingTypeId,
            ["host"] = host is null ? null : Person(host),
            ["selectedAssignees"] = host is null ? new JsonArray() : new JsonArray(Person(host)),
            ["scheduleMeetingResult"] = outcome.Meeting is { } booked
                ? new JsonObject { ["type"] = "Success", ["meetingId"] = booked.Id }
                : new JsonObject { ["type"] = "Failure", ["details"] = outcome.Failure },
        });
    }

    private static JsonObject Person(ChiliPiperUser user) => new() { ["id"] = user.Id, ["name"] = user.Name, ["email"] = user.Email };

    private static string Key(string routerId, string pathId) => routerId + "/" + pathId;
}
