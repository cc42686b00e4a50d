namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Concierge routers, routing, booking and logs.</summary>
internal static class ConciergeEndpoints
{
    private const string Flow = "Concierge";

    public static IEndpointRouteBuilder MapConciergeEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/concierge/routers/concierge/list", ChiliPiperOperations.ConciergeListRouters, state, List);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/concierge/routers/rest", ChiliPiperOperations.ConciergeRoute, state, RouteById);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/concierge/routers/{routerSlug}/rest", ChiliPiperOperations.ConciergeRouteBySlug, state, RouteBySlug);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/concierge/routing/{routingId}/schedule-simple", ChiliPiperOperations.ConciergeSchedule, state, Schedule);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/concierge/logs", ChiliPiperOperations.ConciergeLogs, state, ConciergeLogEndpoints.Logs);
        return routes;
    }

    private static IResult List(ChiliPiperCall call)
    {
        var workspaceId = call.Query.TryGetValue("workspaceId", out var raw) ? raw.ToString() : null;
        var routers = new JsonArray();
        foreach (var router in call.State.Booking.ConciergeRouterList.Where(r => string.IsNullOrEmpty(workspaceId) || r.WorkspaceId == workspaceId))
        {
            routers.AddNode(new JsonObject { ["router"] = RouterView(router), ["dataFields"] = new JsonArray(), ["workspaceId"] = router.WorkspaceId });
        }

        return BookingWire.Json(new JsonObject { ["routers"] = routers });
    }

    private static JsonObject RouterView(ConciergeRouter router)
    {
        var rules = new JsonArray();
        foreach (var route in router.Rules)
        {
            rules.AddNode(new JsonObject
            {
                ["type"] = "RuleRoute",
                ["id"] = route.Id,
                ["ruleIds"] = new JsonArray(route.RuleId),
                ["ruleType"] = "Boolean",
                ["name"] = route.Name,
                ["conditions"] = route.Conditions.DeepClone(),
                ["yes"] = ActionView(route.Action),
            });
        }

        static JsonObject Field(string name) => new() { ["name"] = name, ["dataFieldRef"] = name };
        var created = BookingWire.Instant(router.CreatedAt);
        return new JsonObject
        {
            ["id"] = router.Id,
            ["name"] = router.Name,
            ["slug"] = router.Slug,
            ["formMapping"] = new JsonObject
            {
                ["type"] = "ConciergeFormMappingProcessedV1",
                ["fields"] = new JsonArray([.. router.FormFields.Select(Field)]),
                ["emailField"] = Field(router.EmailField),
            },
            ["settings"] = new JsonObject { ["headingText"] = router.Name, ["language"] = "en" },
            ["acceptsRouting"] = true,
            ["routing"] = new JsonObject { ["rules"] = rules, ["catchAll"] = new JsonObject { ["yes"] = ActionView(router.CatchAll) } },
            ["meta"] = new JsonObject { ["createdBy"] = router.CreatedBy, ["updatedBy"] = router.CreatedBy, ["createdOn"] = created, ["updatedOn"] = created },
        };
    }

    private static JsonObject ActionView(ConciergeAction action)
    {
        if (action.Disqualify)
        {
            return new JsonObject { ["type"] = "RedirectActions", ["url"] = action.RedirectUrl };
        }

        var view = new JsonObject { ["type"] = "SchedulingSettings", ["meetingTypeId"] = action.MeetingTypeId };
        if (action.DistributionId is not null)
        {
            view["distributionId"] = action.DistributionId;
        }

        if (action.UserId is not null)
        {
            view["userId"] = action.UserId;
        }

        return view;
    }

    // Which body member names the router is not published; this twin reads routerId.
    private static IResult RouteById(ChiliPiperCall call, JsonBody body)
    {
        if (!body.IsObject || !JsonFields.TryGetString(body.Root, "routerId", out var routerId) || routerId is null)
        {
            return ChiliPiperErrors.InvalidBody();
        }

        var router = call.State.Booking.ConciergeRouterList.Find(r => r.Id == routerId);
        return router is null ? RouterNotFound(routerId) : Route(call, body, router);
    }

    private static IResult RouteBySlug(ChiliPiperCall call, JsonBody body)
    {
        var slug = call.Route("routerSlug") ?? string.Empty;
        var router = call.State.Booking.ConciergeRouterList.Find(r => r.Slug == slug);
        return router is null ? RouterNotFound(slug) : Route(call, body, router);
    }

    internal static IResult RouterNotFound(string reference)
        => ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "ConciergeRouterNotFound", $"Concierge router {reference} not found");

    private static IResult Route(ChiliPiperCall call, JsonBody body, ConciergeRouter router)
    {
        if (!body.IsObject || !body.Root.TryGetProperty("form", out var formElement) || formElement.ValueKind != JsonValueKind.Object
            || !BookingWire.TryFormValues(body.Root, "form", out var form)
            || !BookingWire.TryInterval(body.Root, "interval", out var window)
            || !ShapeOverrides.TryParse(body.Root, out var overrides)
            || (body.Root.TryGetProperty("options", out var options) && options.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        if (BookingWire.Email(form, router.EmailField) is not { Length: > 0 } guestEmail)
        {
            return ChiliPiperErrors.Json(StatusCodes.Status422UnprocessableEntity, "EmailFieldMissing",
                $"The form has no value for the router's email field {router.EmailField}");
        }

        var state = call.State;
        var matched = router.Rules.FirstOrDefault(r => RuleConditions.Matches(r.Conditions, form));
        var action = matched?.Action ?? router.CatchAll;
        var type = action.MeetingTypeId is { } typeId ? state.Booking.FindMeetingType(typeId) : null;
        var notBookable = action.Disqualify || type is null
            ? $"the lead was not allowed to schedule ({matched?.Name ?? "catch-all"})"
            : window is null
                ? "this routing was made without an interval, so it can only be booked through its routingLink; route again with an interval"
                : null;
        var session = BookingDesk.Open(state, Flow, router.WorkspaceId, router.Id, call.Now, guestEmail: guestEmail,
            guestTimeZone: form.GetValueOrDefault("Timezone"), formData: form, notBookableReason: notBookable);
        state.Booking.ConciergeLogList.Add(new ConciergeLogEntry
        {
            Id = SandboxIds.NewUuid(),
            RouterId = router.Id,
            WorkspaceId = router.WorkspaceId,
            RoutingId = session.Id,
            TriggeredAt = call.Now,
            GuestEmail = guestEmail,
            MatchedRouteId = matched?.Id,
            MatchedRuleId = matched?.RuleId,
            Disqualified = action.Disqualify || type is null,
            SourceUrl = state.Booking.PublicUrl("concierge/" + router.Slug),
        });

        var result = new JsonObject { ["routingId"] = session.Id };
        if (action.Disqualify || type is null)
        {
            result["schedulingAllowed"] = false;
            result["startTimes"] = new JsonArray();
            result["distributionIds"] = new JsonArray();
            result["assignments"] = new JsonArray();
            result["failures"] = new JsonObject();
            result["redirectUrl"] = action.RedirectUrl;
            return BookingWire.Json(result);
        }

        var target = action.UserId is { } userId
            ? BookingDesk.Target(type, HostSelection.Single, [userId], overrides: overrides)
            : BookingDesk.Target(type, HostSelection.RoundRobin,
                state.FindDistribution(action.DistributionId!) is { } distribution ? BookingDesk.Members(state, distribution) : [],
                action.DistributionId, overrides: overrides);
        session.Targets[string.Empty] = target;

        if (window is { } span)
        {
            var failures = BookingDesk.Offer(state, target, span.From, span.To, call.Now);
            result["startTimes"] = BookingWire.Strings(target.StartTimes.Select(BookingWire.Instant));
            result["failures"] = BookingWire.Failures(failures);
        }
        else
        {
            result["routingLink"] = state.Booking.PublicUrl($"concierge/{router.Slug}?routingId={session.Id}");
        }

        result["schedulingAllowed"] = true;
        result["meetingTypeId"] = type.Id;
        result["distributionIds"] = BookingWire.Strings(target.DistributionId is { } id ? [id] : []);
        result["assignments"] = new JsonArray([.. target.Candidates.Select(candidate => (JsonNode)new JsonObject
        {
            ["userId"] = candidate,
            ["ruleId"] = matched?.RuleId,
            ["distributionId"] = target.DistributionId,
            ["type"] = target.DistributionId is null ? "User" : "Distribution",
        })]);
        return BookingWire.Json(result);
    }

    private static IResult Schedule(ChiliPiperCall call, JsonBody body)
    {
        if (BookingWire.OpenSchedule(call, call.Route("routingId") ?? string.Empty, Flow, body, out var session, out var request) is { } refusal)
        {
            return refusal;
        }

        var outcome = session.NotBookableReason is not null || !session.Targets.TryGetValue(string.Empty, out var target)
            ? BookingOutcome.Failed(session.NotBookableReason ?? "nothing to book in this routing")
            : BookingDesk.Book(call.State, session, target, request.StartTime, request.Details, call.Now);
        return BookingWire.Outcome(outcome);
    }
}
