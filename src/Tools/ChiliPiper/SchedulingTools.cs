namespace Serverless.Tools.ChiliPiper;

/// <summary>Chili Piper scheduling links, availability, and the two-phase booking through a link.</summary>
[McpServerToolType]
[Toolset(Toolsets.Scheduling)]
public sealed class SchedulingTools(SchedulingClient client)
{
    private const string WorkspaceFilter = "Only links in these workspace ids.";
    private const string SlugFilter = "Only links with these slugs (lowercase letters, digits, - and _).";
    private const string MeetingTypeFilter = "Only links offering these meeting type ids (UUIDs).";
    private const string DistributionFilter = "Only links using these distribution (round robin) ids.";

    private static readonly string[] AttendeeTypes = ["ManuallyAssigned", "DistributionAssignee", "AssignedViaTeam", "AdditionalAttendee"];

    [McpServerTool(Name = "scheduling-link-list-personal", Title = "List the personal links of a user", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the personal booking links of one user, one per meeting type: a bare array of {slug, meetingTypeId, meetingTypeName, bookingUrl}. Book through one with scheduling-link-init, link {slug: ...} plus meetingTypeId. Team links are listed by the other scheduling-link-list tools.")]
    public Task<CallToolResult> ListPersonal(
        [Description("User id (user-find resolves names and emails).")] string userId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ListPersonalSchedulingLinksAsync(Arguments.NotBlank(userId, nameof(userId)), cancellationToken)).Body));

    [McpServerTool(Name = "scheduling-link-list-round-robin", Title = "List round-robin links", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List round-robin scheduling links: each booking goes to the next member of a distribution. Every filter is optional; none lists the whole org. Returns {links: [{workspaceId, distributionId, linkId, name, slug, meetingTypeIds, members, assignments, bookingUrl}]}. No paging.")]
    public Task<CallToolResult> ListRoundRobin(
        [Description(WorkspaceFilter)] string[]? filterWorkspaceIds = null,
        [Description(SlugFilter)] string[]? filterLinkSlugs = null,
        [Description(MeetingTypeFilter)] string[]? filterMeetingTypeId = null,
        [Description(DistributionFilter)] string[]? filterDistributionIds = null,
        CancellationToken cancellationToken = default) =>
        ListLinks("list-round-robin", filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId, filterDistributionIds, cancellationToken);

    [McpServerTool(Name = "scheduling-link-list-admin-one-on-one", Title = "List admin one-on-one links", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List admin-managed one-on-one scheduling links, each booking with one fixed host. Every filter is optional; none lists the whole org. Returns {links: [{workspaceId, linkId, name, slug, meetingTypeIds, bookingUrl}]}. Book with scheduling-link-init.")]
    public Task<CallToolResult> ListAdminOneOnOne(
        [Description(WorkspaceFilter)] string[]? filterWorkspaceIds = null,
        [Description(SlugFilter)] string[]? filterLinkSlugs = null,
        [Description(MeetingTypeFilter)] string[]? filterMeetingTypeId = null,
        CancellationToken cancellationToken = default) =>
        ListLinks("list-admin-one-on-one", filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId, null, cancellationToken);

    [McpServerTool(Name = "scheduling-link-list-group", Title = "List group links", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List group scheduling links: meetings with several attendees, each required or optional; offered times are those when every required attendee is free. Every filter is optional. Returns {links: [{workspaceId, linkId, name, slug, meetingTypeIds, bookingUrl}]}.")]
    public Task<CallToolResult> ListGroup(
        [Description(WorkspaceFilter)] string[]? filterWorkspaceIds = null,
        [Description(SlugFilter)] string[]? filterLinkSlugs = null,
        [Description(MeetingTypeFilter)] string[]? filterMeetingTypeId = null,
        CancellationToken cancellationToken = default) =>
        ListLinks("list-group", filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId, null, cancellationToken);

    [McpServerTool(Name = "scheduling-link-list-ownership", Title = "List ownership links", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List ownership scheduling links: the host is the account owner of the guest, found at booking time (so scheduling-link-init needs guestEmail), with a distribution as fallback. Every filter is optional. Returns {links: [{workspaceId, linkId, name, slug, meetingTypeIds, ownership, distribution, pageConfig, sharedWith, bookingUrl}]}.")]
    public Task<CallToolResult> ListOwnership(
        [Description(WorkspaceFilter)] string[]? filterWorkspaceIds = null,
        [Description(SlugFilter)] string[]? filterLinkSlugs = null,
        [Description(MeetingTypeFilter)] string[]? filterMeetingTypeId = null,
        [Description(DistributionFilter)] string[]? filterDistributionIds = null,
        CancellationToken cancellationToken = default) =>
        ListLinks("list-ownership", filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId, filterDistributionIds, cancellationToken);

    [McpServerTool(Name = "scheduling-link-init", Title = "Start booking through a link", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Phase 1 of booking through a scheduling link: opens a short-lived, single-use session and returns routeId, startTimes, failures and formFields. Books nothing. Then call scheduling-link-schedule with that routeId and one of these start times. Ownership links need guestEmail.")]
    public Task<CallToolResult> Init(
        [Description("The link: {slug: link slug} or {id: linkId}. The slug of a personal link is the user slug.")] JsonElement link,
        [Description("Window to search; default the next days.")] TimeInterval? interval = null,
        [Description("Guest email; required for ownership links.")] string? guestEmail = null,
        [Description("Guest IANA time zone, e.g. America/New_York.")] string? guestTimezone = null,
        [Description("Id of the user booking on behalf of the guest, if any.")] string? bookerId = null,
        [Description("Meeting type id (UUID) when the link offers several.")] string? meetingTypeId = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject { ["link"] = LinkReference(link) };
            if (interval is not null)
            {
                body["interval"] = BookingArguments.Interval(interval, nameof(interval));
            }

            if (guestEmail is not null)
            {
                body["guestEmail"] = Arguments.Email(guestEmail, nameof(guestEmail));
            }

            if (!string.IsNullOrWhiteSpace(guestTimezone))
            {
                body["guestTimezone"] = guestTimezone.Trim();
            }

            if (!string.IsNullOrWhiteSpace(bookerId))
            {
                body["bookerId"] = bookerId.Trim();
            }

            if (meetingTypeId is not null)
            {
                body["meetingTypeId"] = Arguments.Uuid(meetingTypeId, nameof(meetingTypeId));
            }

            var response = await client.InitSchedulingLinkAsync(body, cancellationToken);
            return ToolResults.Success(response.Body,
                "Nothing is booked yet. Book with scheduling-link-schedule: routeId plus one of these startTimes; the session is short-lived and single-use.");
        });

    [McpServerTool(Name = "scheduling-link-schedule", Title = "Book through a link", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Phase 2: book the meeting of a scheduling-link-init session. body.startTime must be one of the start times init returned; add guestEmail, guestTimezone, formData (Required and Hidden fields) and location as needed. Books at once and sends invites; never retried. Returns {type: Success, meetingId}. A failure (slot taken, session expired or used) books nothing: run scheduling-link-init again.")]
    public Task<CallToolResult> Schedule(
        [Description("The routeId scheduling-link-init returned.")] string routeId,
        [Description("{startTime: one of the startTimes of init, guestEmail: ..., guestTimezone: ..., formData: {reference: value}, location: ...}.")] JsonElement body,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.NotBlank(routeId, nameof(routeId));
            var request = BookingArguments.ScheduleBody(body, nameof(body));
            return ToolResults.Success((await client.ScheduleSchedulingLinkAsync(id, request, cancellationToken)).Body);
        });

    [McpServerTool(Name = "availability-slots", Title = "Find free start times", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Compute bookable start times for a meeting type and attendees in a window; books nothing. Returns {meetingTypeRef, startTimes: [{startTime, attendees}], failures: {userId: reason}} (failing calendars do not fail the call). To book, use a scheduling link, Handoff or Concierge flow.")]
    public Task<CallToolResult> Slots(
        [Description("Host: {type: User, userId} or {type: AssigneeFromDistribution, distributionId}.")] JsonElement expectedHost,
        [Description("At least one, each {type, required, ...}: ManuallyAssigned/AdditionalAttendee {userId}, AssignedViaTeam {userId, teamId}, DistributionAssignee {distributionId, userIds?}.")] JsonElement[] attendees,
        [Description("The meeting type.")] MeetingTypeRef meetingTypeRef,
        [Description("Window to search.")] TimeInterval interval,
        [Description("Per-call duration changes.")] MeetingTypeOverride? meetingTypeOverride = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject
            {
                ["expectedHost"] = ExpectedHost(expectedHost),
                ["attendees"] = Attendees(attendees),
                ["meetingTypeRef"] = new JsonObject
                {
                    ["id"] = Arguments.Uuid(meetingTypeRef?.Id, "meetingTypeRef.id"),
                    ["timestamp"] = BookingArguments.Instant(meetingTypeRef?.Timestamp, "meetingTypeRef.timestamp"),
                },
                ["interval"] = BookingArguments.Interval(interval, nameof(interval)),
            };
            if (Override(meetingTypeOverride) is { } overrides)
            {
                body["meetingTypeOverride"] = overrides;
            }

            return ToolResults.Success((await client.AvailabilitySlotsAsync(body, cancellationToken)).Body);
        });

    private Task<CallToolResult> ListLinks(
        string kind, string[]? workspaceIds, string[]? slugs, string[]? meetingTypeIds, string[]? distributionIds, CancellationToken cancellationToken) =>
        ToolResults.RunAsync(async () =>
        {
            var filters = new JsonObject();
            Add(filters, "filterWorkspaceIds", BookingArguments.Filter(workspaceIds, "filterWorkspaceIds", BookingArguments.IsId, "ids without spaces or slashes"));
            Add(filters, "filterLinkSlugs", BookingArguments.Filter(slugs, "filterLinkSlugs", BookingArguments.IsSlug, "slugs of lowercase letters, digits, '-' and '_'"));
            Add(filters, "filterMeetingTypeId", BookingArguments.Filter(meetingTypeIds, "filterMeetingTypeId", Arguments.IsUuid, "UUIDs"));
            Add(filters, "filterDistributionIds", BookingArguments.Filter(distributionIds, "filterDistributionIds", BookingArguments.IsId, "ids without spaces or slashes"));
            return ToolResults.Success((await client.ListSchedulingLinksAsync(kind, filters, cancellationToken)).Body);
        });

    private static void Add(JsonObject body, string name, JsonNode? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private static JsonObject LinkReference(JsonElement link)
    {
        var reference = Arguments.JsonObject(link, nameof(link));
        var named = new[] { "slug", "id" }.Where(key => reference[key] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s)).ToArray();
        if (named.Length != 1)
        {
            throw new ToolArgumentException(nameof(link), "'link' must name the link by exactly one of slug or id, e.g. {\"slug\": \"sales-demo\"}.");
        }

        return reference;
    }

    private static JsonObject ExpectedHost(JsonElement value)
    {
        var host = Arguments.JsonObject(value, "expectedHost");
        var type = Text(host, "type");
        var needed = type switch
        {
            "User" => "userId",
            "AssigneeFromDistribution" => "distributionId",
            _ => throw new ToolArgumentException("expectedHost", "'expectedHost.type' must be User or AssigneeFromDistribution."),
        };
        if (string.IsNullOrWhiteSpace(Text(host, needed)))
        {
            throw new ToolArgumentException("expectedHost", $"'expectedHost' of type {type} needs '{needed}'.");
        }

        return host;
    }

    private static JsonArray Attendees(JsonElement[]? values)
    {
        if (values is null || values.Length == 0)
        {
            throw new ToolArgumentException("attendees", "'attendees' needs at least one attendee.");
        }

        var result = new JsonArray();
        for (var i = 0; i < values.Length; i++)
        {
            var name = $"attendees[{i}]";
            var attendee = Arguments.JsonObject(values[i], name);
            var type = Text(attendee, "type");
            if (type is null || !AttendeeTypes.Contains(type))
            {
                throw new ToolArgumentException(name, $"'{name}.type' must be one of {string.Join(", ", AttendeeTypes)}.");
            }

            // The API answers 400 for an attendee without 'required', with no hint which one.
            if (attendee["required"] is not JsonValue required || required.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new ToolArgumentException(name, $"'{name}.required' is required: true or false.");
            }

            string[] needed = type switch
            {
                "DistributionAssignee" => ["distributionId"],
                "AssignedViaTeam" => ["userId", "teamId"],
                _ => ["userId"],
            };
            if (needed.FirstOrDefault(key => string.IsNullOrWhiteSpace(Text(attendee, key))) is { } missing)
            {
                throw new ToolArgumentException(name, $"'{name}' of type {type} needs '{missing}'.");
            }

            // The JsonNode overload: the generic one would serialize through reflection.
            result.Add((JsonNode)attendee);
        }

        return result;
    }

    private static JsonObject? Override(MeetingTypeOverride? overrides)
    {
        if (overrides is null)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var (name, value) in new[]
        {
            ("meetingDurationOverride", overrides.MeetingDurationOverride),
            ("beforeBufferDurationOverride", overrides.BeforeBufferDurationOverride),
            ("afterBufferDurationOverride", overrides.AfterBufferDurationOverride),
            ("availabilityIncrementOverride", overrides.AvailabilityIncrementOverride),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (BookingArguments.Duration(value) is null)
            {
                throw new ToolArgumentException("meetingTypeOverride." + name, $"'meetingTypeOverride.{name}' must be a duration such as '45 minutes'; got '{value}'.");
            }

            result[name] = value.Trim();
        }

        return result.Count == 0 ? null : result;
    }

    private static string? Text(JsonObject obj, string name) => obj[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
