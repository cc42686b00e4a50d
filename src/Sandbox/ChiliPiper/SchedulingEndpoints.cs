namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Scheduling links, availability and link booking.</summary>
internal static class SchedulingEndpoints
{
    private const string Flow = "SchedulingLink";

    private static readonly string[] WorkspaceAndSlugFilters = ["filterWorkspaceIds", "filterLinkSlugs", "filterMeetingTypeId"];

    public static IEndpointRouteBuilder MapSchedulingEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        const string links = "/v1/org/schedulingLinks";
        routes.MapChiliPiperOperation(HttpMethods.Get, links + "/list-personal/{userId}", ChiliPiperOperations.SchedulingLinkListPersonal, state, ListPersonal);
        routes.MapChiliPiperOperation(HttpMethods.Post, links + "/list-round-robin", ChiliPiperOperations.SchedulingLinkListRoundRobin, state,
            (call, body) => List(call, body, SchedulingLinkKind.RoundRobin));
        routes.MapChiliPiperOperation(HttpMethods.Post, links + "/list-admin-one-on-one", ChiliPiperOperations.SchedulingLinkListAdminOneOnOne, state,
            (call, body) => List(call, body, SchedulingLinkKind.AdminOneOnOne));
        routes.MapChiliPiperOperation(HttpMethods.Post, links + "/list-group", ChiliPiperOperations.SchedulingLinkListGroup, state,
            (call, body) => List(call, body, SchedulingLinkKind.Group));
        routes.MapChiliPiperOperation(HttpMethods.Post, links + "/list-ownership", ChiliPiperOperations.SchedulingLinkListOwnership, state,
            (call, body) => List(call, body, SchedulingLinkKind.Ownership));
        routes.MapChiliPiperOperation(HttpMethods.Post, links + "/init-simple", ChiliPiperOperations.SchedulingLinkInit, state, Init);
        routes.MapChiliPiperOperation(HttpMethods.Post, links + "/routing/{routeId}/schedule-simple", ChiliPiperOperations.SchedulingLinkSchedule, state, Schedule);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/availability/slots", ChiliPiperOperations.AvailabilitySlots, state, AvailabilityEndpoints.Slots);
        return routes;
    }

    private static IResult ListPersonal(ChiliPiperCall call)
    {
        var userId = call.Route("userId") ?? string.Empty;
        var user = call.State.FindUser(userId);
        if (user is null)
        {
            return ChiliPiperErrors.UserNotFound(userId);
        }

        // v1 answers with a bare array (v2 wraps it in {links}).
        var items = new JsonArray();
        foreach (var type in call.State.Booking.MeetingTypesOf(user))
        {
            items.AddNode(new JsonObject
            {
                ["slug"] = user.Slug,
                ["meetingTypeId"] = type.Id,
                ["meetingTypeName"] = type.Name,
                ["bookingUrl"] = call.State.Booking.PublicUrl($"me/{user.Slug}/{type.Slug}"),
            });
        }

        return BookingWire.Json(items);
    }

    private static IResult List(ChiliPiperCall call, JsonBody body, SchedulingLinkKind kind)
    {
        string[] names = kind is SchedulingLinkKind.RoundRobin or SchedulingLinkKind.Ownership
            ? [.. WorkspaceAndSlugFilters, "filterDistributionIds"]
            : WorkspaceAndSlugFilters;
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!body.IsObject)
        {
            return ChiliPiperErrors.InvalidBody();
        }

        foreach (var name in names)
        {
            // The schema gives every filter minItems 1: an empty list is a decoding failure, not "no filter".
            if (!JsonFields.TryGetStringArray(body.Root, name, out var values) || values is { Count: 0 })
            {
                return ChiliPiperErrors.InvalidBody();
            }

            if (values is not null)
            {
                filters[name] = values;
            }
        }

        bool Passes(string name, IEnumerable<string?> linkValues)
            => !filters.TryGetValue(name, out var wanted) || linkValues.Any(v => v is not null && wanted.Contains(v));

        var state = call.State;
        var result = new JsonArray();
        foreach (var link in state.Booking.SchedulingLinkList.Where(l => l.Kind == kind))
        {
            if (Passes("filterWorkspaceIds", [link.WorkspaceId]) && Passes("filterLinkSlugs", [link.Slug])
                && Passes("filterMeetingTypeId", link.MeetingTypeIds) && Passes("filterDistributionIds", [link.DistributionId]))
            {
                result.AddNode(LinkView(state, link));
            }
        }

        return BookingWire.Json(new JsonObject { ["links"] = result });
    }

    private static JsonObject LinkView(ChiliPiperState state, SchedulingLink link)
    {
        var view = new JsonObject
        {
            ["workspaceId"] = link.WorkspaceId,
            ["linkId"] = link.Id,
            ["name"] = link.Name,
            ["slug"] = link.Slug,
            ["meetingTypeIds"] = BookingWire.Strings(link.MeetingTypeIds),
        };
        var distribution = link.DistributionId is { } id ? state.FindDistribution(id) : null;
        switch (link.Kind)
        {
            case SchedulingLinkKind.RoundRobin:
                view["distributionId"] = link.DistributionId;
                view["members"] = distribution is null ? new JsonArray() : Members(state, BookingDesk.Members(state, distribution));
                view["assignments"] = new JsonArray(Assignment(state, link.DistributionId!, distribution));
                view["bookingUrl"] = state.Booking.PublicUrl("round-robin/" + link.Slug);
                break;
            case SchedulingLinkKind.Ownership:
                view["ownership"] = new JsonObject
                {
                    ["ownershipSettings"] = new JsonObject
                    {
                        ["type"] = "WithMixedRouting",
                        ["strategies"] = new JsonArray(new JsonObject { ["type"] = "DistributionBasedRouting", ["distributionId"] = link.DistributionId, ["required"] = true }),
                    },
                    ["host"] = new JsonObject { ["type"] = "AssigneeFromDistribution", ["distributionId"] = link.DistributionId },
                    ["bookerInvitation"] = new JsonObject { ["type"] = "DoNotInvite" },
                };
                view["distribution"] = new JsonObject
                {
                    ["assignments"] = new JsonArray(Assignment(state, link.DistributionId!, distribution)),
                    ["host"] = new JsonObject { ["type"] = "AssigneeFromDistribution", ["distributionId"] = link.DistributionId },
                    ["bookerInvitation"] = new JsonObject { ["type"] = "DoNotInvite" },
                };
                view["pageConfig"] = new JsonObject { ["title"] = link.Name };
                view["sharedWith"] = new JsonObject { ["type"] = "Workspace" };
                view["bookingUrl"] = state.Booking.PublicUrl("ownership/" + link.Slug);
                break;
            case SchedulingLinkKind.Group:
                view["bookingUrl"] = state.Booking.PublicUrl("group/" + link.Slug);
                break;
            default:
                view["bookingUrl"] = state.Booking.PublicUrl("book/" + link.Slug);
                break;
        }

        return view;
    }

    private static JsonObject Assignment(ChiliPiperState state, string distributionId, Distribution? distribution) => new()
    {
        ["distributionId"] = distributionId,
        ["required"] = true,
        ["members"] = distribution is null ? new JsonArray() : Members(state, BookingDesk.Members(state, distribution)),
    };

    private static JsonArray Members(ChiliPiperState state, IEnumerable<string> userIds)
    {
        var members = new JsonArray();
        foreach (var userId in userIds)
        {
            var user = state.FindUser(userId);
            members.AddNode(user is null
                ? new JsonObject { ["id"] = userId }
                : new JsonObject { ["email"] = user.Email, ["id"] = user.Id, ["name"] = user.Name, ["slug"] = user.Slug });
        }

        return members;
    }

    private static IResult Init(ChiliPiperCall call, JsonBody body)
    {
        if (!body.IsObject || !body.Root.TryGetProperty("link", out var linkRef) || linkRef.ValueKind != JsonValueKind.Object
            || !BookingWire.TryInterval(body.Root, "interval", out var window)
            || !JsonFields.TryGetString(body.Root, "guestEmail", out var guestEmail)
            || !JsonFields.TryGetString(body.Root, "guestTimezone", out var guestTimezone)
            || !JsonFields.TryGetString(body.Root, "bookerId", out var bookerId)
            || !JsonFields.TryGetString(body.Root, "meetingTypeId", out var meetingTypeId))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        var slug = BookingWire.Text(linkRef, "slug");
        var linkId = BookingWire.Text(linkRef, "id");
        if (string.IsNullOrWhiteSpace(slug) == string.IsNullOrWhiteSpace(linkId))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        var state = call.State;
        var link = state.Booking.SchedulingLinkList.Find(l => slug is not null ? l.Slug == slug : l.Id == linkId);
        var personal = link is null && slug is not null ? state.UserList.Find(u => u.Slug == slug) : null;
        if (link is null && personal is null)
        {
            return ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "SchedulingLinkNotFound", $"Scheduling link {slug ?? linkId} not found");
        }

        if (bookerId is not null && state.FindUser(bookerId) is null)
        {
            return ChiliPiperErrors.UserNotFound(bookerId);
        }

        var offered = link is not null
            ? link.MeetingTypeIds.Select(state.Booking.FindMeetingType).OfType<MeetingType>().ToArray()
            : state.Booking.MeetingTypesOf(personal!).ToArray();
        var type = meetingTypeId is null ? offered.FirstOrDefault() : offered.FirstOrDefault(t => t.Id == meetingTypeId);
        if (type is null)
        {
            return BookingWire.MeetingTypeNotFound(meetingTypeId ?? "(none offered by this link)");
        }

        if (link?.Kind == SchedulingLinkKind.Ownership && string.IsNullOrWhiteSpace(guestEmail))
        {
            return ChiliPiperErrors.Json(StatusCodes.Status422UnprocessableEntity, "GuestEmailRequired",
                $"Link {link.Slug} finds its host from the guest's account owner, so guestEmail is required");
        }

        var target = Target(state, link, personal, type, guestEmail);
        var session = BookingDesk.Open(state, Flow, link?.WorkspaceId ?? type.WorkspaceId, link?.Id ?? personal!.Id, call.Now,
            bookerId, guestEmail, guestTimezone);
        session.Targets[string.Empty] = target;
        var span = window ?? new Window(call.Now, call.Now.AddDays(7));
        var failures = BookingDesk.Offer(state, target, span.From, span.To, call.Now);

        return BookingWire.Json(new JsonObject
        {
            ["routeId"] = session.Id,
            ["startTimes"] = BookingWire.Strings(target.StartTimes.Select(BookingWire.Instant)),
            ["failures"] = BookingWire.Failures(failures),
            ["meetingType"] = new JsonObject { ["id"] = type.Id, ["name"] = type.Name, ["duration"] = BookingWire.Duration(type.Duration) },
            ["formFields"] = new JsonArray(
                FormField("PersonEmail", "Required", "Email"),
                FormField("PersonFirstName", "Optional", "Text"),
                FormField("PersonLastName", "Optional", "Text")),
        });
    }

    private static BookingTarget Target(ChiliPiperState state, SchedulingLink? link, ChiliPiperUser? personal, MeetingType type, string? guestEmail)
    {
        if (link is null)
        {
            return BookingDesk.Target(type, HostSelection.Single, [personal!.Id]);
        }

        switch (link.Kind)
        {
            case SchedulingLinkKind.AdminOneOnOne:
                return BookingDesk.Target(type, HostSelection.Single, [link.HostId!]);
            case SchedulingLinkKind.Group:
                return BookingDesk.Target(type, HostSelection.Group,
                    link.Members.Where(m => m.Required).Select(m => m.UserId).ToArray(),
                    optional: link.Members.Where(m => !m.Required).Select(m => m.UserId).ToArray());
            case SchedulingLinkKind.Ownership when Owner(state, link.WorkspaceId, guestEmail!) is { } owner:
                return BookingDesk.Target(type, HostSelection.Single, [owner]);
            default:
                var distribution = state.FindDistribution(link.DistributionId!);
                return BookingDesk.Target(type, HostSelection.RoundRobin,
                    distribution is null ? [] : BookingDesk.Members(state, distribution), link.DistributionId);
        }
    }

    /// <summary>The twin has no CRM: a guest's owner is whoever hosted their latest meeting in the workspace.</summary>
    private static string? Owner(ChiliPiperState state, string workspaceId, string guestEmail)
        => state.MeetingList
            .Where(m => m.WorkspaceId == workspaceId && string.Equals(m.GuestEmail, guestEmail, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(m => m.BookedAt)
            .Select(m => state.FindUser(m.HostId))
            .FirstOrDefault(u => u is not null && u.Workspaces.Contains(workspaceId))?.Id;

    private static JsonObject FormField(string reference, string requirement, string dataType) => new()
    {
        ["reference"] = reference,
        ["requirement"] = new JsonObject { ["type"] = requirement },
        ["dataType"] = dataType,
    };

    private static IResult Schedule(ChiliPiperCall call, JsonBody body)
    {
        if (BookingWire.OpenSchedule(call, call.Route("routeId") ?? string.Empty, Flow, body, out var session, out var request) is { } refusal)
        {
            return refusal;
        }

        var outcome = BookingDesk.Book(call.State, session, session.Targets[string.Empty], request.StartTime, request.Details, call.Now);
        return BookingWire.Outcome(outcome);
    }
}
