namespace Serverless.Tools.ChiliPiper;

/// <summary>Concierge: routing inbound leads through form routers, booking them, and reading the routing logs.</summary>
[McpServerToolType]
[Toolset(Toolsets.Concierge)]
public sealed class ConciergeTools(ConciergeClient client)
{
    /// <summary>The logs endpoint refuses longer windows.</summary>
    public const int MaxLogDays = 30;

    public const string LogsWindowTooLong = "LogsIntervalTooLong";

    public const string LogsWindowAdvice = "Split the range into windows of at most 30 days and call concierge-logs once per window.";

    private const string FormDescription = "Form values of the lead by field name, e.g. {PersonEmail: ana@acme.com}; include the email.";
    private const string IntervalDescription = "Window to search for start times; needed to book.";
    private const string OptionsDescription = "Routing options, e.g. {locale: en}.";
    private const string OverrideDescription = "Per-call changes to the routed meeting type, e.g. its duration.";

    [McpServerTool(Name = "concierge-list-routers", Title = "List Concierge routers", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List Concierge (inbound form) routers with their slug, form mapping, rules and catch-all. Returns {routers: [{router: {id, name, slug, formMapping, settings, routing: {rules, catchAll}, meta}, dataFields, workspaceId}]}; the router id is routers[N].router.id. Output can be large: filter by workspace.")]
    public Task<CallToolResult> ListRouters(
        [Description("Only routers of this workspace.")] string? workspaceId = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ListConciergeRoutersAsync(string.IsNullOrWhiteSpace(workspaceId) ? null : workspaceId.Trim(), cancellationToken)).Body));

    [McpServerTool(Name = "concierge-route", Title = "Route a lead (router id)", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Route a lead through the Concierge router with this id. With interval: phase 1 of a booking; returns {routingId, startTimes, schedulingAllowed, distributionIds, assignments, failures}; book with concierge-schedule. Without interval: only a routingLink for the lead, no booking. Disqualified leads get schedulingAllowed false. Every call is logged.")]
    public Task<CallToolResult> Route(
        [Description("Router id (routers[N].router.id from concierge-list-routers).")] string routerId,
        [Description(FormDescription)] JsonElement form,
        [Description(IntervalDescription)] TimeInterval? interval = null,
        [Description(OptionsDescription)] JsonElement? options = null,
        [Description(OverrideDescription)] JsonElement? meetingTypeOverride = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = RouteBody(form, interval, options, meetingTypeOverride);
            body["routerId"] = Arguments.NotBlank(routerId, nameof(routerId));
            return Routed(await client.ConciergeRouteAsync(body, cancellationToken), interval is not null);
        });

    [McpServerTool(Name = "concierge-route-by-slug", Title = "Route a lead (router slug)", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Route a lead through the Concierge router with this slug. With interval: phase 1 of a booking; returns {routingId, startTimes, schedulingAllowed, distributionIds, assignments, failures}; book with concierge-schedule. Without interval: only a routingLink for the lead, no booking. Disqualified leads get schedulingAllowed false. Every call is logged.")]
    public Task<CallToolResult> RouteBySlug(
        [Description("Router slug, e.g. inbound-demo (concierge-list-routers shows slugs).")] string routerSlug,
        [Description(FormDescription)] JsonElement form,
        [Description(IntervalDescription)] TimeInterval? interval = null,
        [Description(OptionsDescription)] JsonElement? options = null,
        [Description(OverrideDescription)] JsonElement? meetingTypeOverride = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var slug = Arguments.NotBlank(routerSlug, nameof(routerSlug));
            if (!BookingArguments.IsSlug(slug))
            {
                throw new ToolArgumentException(nameof(routerSlug), $"'routerSlug' is made of lowercase letters, digits, '-' and '_'; got '{slug}'.");
            }

            var body = RouteBody(form, interval, options, meetingTypeOverride);
            return Routed(await client.ConciergeRouteBySlugAsync(slug, body, cancellationToken), interval is not null);
        });

    [McpServerTool(Name = "concierge-schedule", Title = "Book a routed lead", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Phase 2 of Concierge: book the meeting of a routing made with an interval. body.startTime must be one of the start times the route call returned. Books at once and sends invites; never retried. Returns {type: Success, meetingId}. A failure (slot taken, session expired or used) books nothing: route the lead again.")]
    public Task<CallToolResult> Schedule(
        [Description("The routingId concierge-route or concierge-route-by-slug returned.")] string routingId,
        [Description("{startTime: one of the startTimes of the route call}; other booking fields pass through as given.")] JsonElement body,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.NotBlank(routingId, nameof(routingId));
            var request = BookingArguments.ScheduleBody(body, nameof(body));
            return ToolResults.Success((await client.ConciergeScheduleAsync(id, request, cancellationToken)).Body);
        });

    [McpServerTool(Name = "concierge-logs", Title = "Read Concierge routing logs", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read the routing log of one Concierge router: each routed lead with status (e.g. Scheduled, TimedOut), guestEmail, assignments, matched path and meetingId. Needs workspaceId, routerId and a start/end window of at most 30 days; split longer ranges. Paged: pageSize up to 100.")]
    public Task<CallToolResult> Logs(
        [Description("Workspace id of the router.")] string workspaceId,
        [Description("Router id (a UUID).")] string routerId,
        [Description("Window start, ISO-8601 instant.")] string start,
        [Description("Window end, ISO-8601 instant; at most 30 days after start.")] string end,
        [Description("Paging: page from 0, pageSize 1 to 100 (default 20).")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var workspace = Arguments.NotBlank(workspaceId, nameof(workspaceId));
            var router = Arguments.Uuid(routerId, nameof(routerId));
            var from = BookingArguments.Instant(start, nameof(start));
            var to = BookingArguments.Instant(end, nameof(end));
            var span = Arguments.Parse(to) - Arguments.Parse(from);
            if (span <= TimeSpan.Zero)
            {
                throw new ToolArgumentException(nameof(end), "'end' must be after 'start'.");
            }

            if (span > TimeSpan.FromDays(MaxLogDays))
            {
                throw new ToolArgumentException(nameof(end),
                    $"The window spans {span.TotalDays:0.#} days; concierge-logs allows at most {MaxLogDays} days. Split the range into windows of 30 days or less.",
                    LogsWindowTooLong, LogsWindowAdvice);
            }

            Arguments.Paging(pagination, 100);
            return ToolResults.Success((await client.ConciergeLogsAsync(workspace, router, from, to, pagination, cancellationToken)).Body);
        });

    private static JsonObject RouteBody(JsonElement form, TimeInterval? interval, JsonElement? options, JsonElement? meetingTypeOverride)
    {
        var fields = Arguments.JsonObject(form, nameof(form));
        if (fields.Count == 0)
        {
            throw new ToolArgumentException(nameof(form), "'form' needs the lead's values, at least the email field (e.g. PersonEmail).");
        }

        var body = new JsonObject { ["form"] = fields };
        if (Present(options) is { } o)
        {
            body["options"] = Arguments.JsonObject(o, nameof(options));
        }

        if (interval is not null)
        {
            body["interval"] = BookingArguments.Interval(interval, nameof(interval));
        }

        if (Present(meetingTypeOverride) is { } m)
        {
            body["meetingTypeOverride"] = Arguments.JsonObject(m, nameof(meetingTypeOverride));
        }

        return body;
    }

    private static JsonElement? Present(JsonElement? value) =>
        value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } v ? v : null;

    private static CallToolResult Routed(UpstreamResponse response, bool withInterval)
    {
        var body = response.Body as JsonObject;
        var allowed = body?["schedulingAllowed"] is JsonValue v && v.TryGetValue(out bool a) ? a : (bool?)null;
        var note = !withInterval
            ? "No booking is possible without an interval: this routing only gives a routingLink for the lead to open. To book through the API, route again with an interval."
            : allowed == false
                ? "The lead was not allowed to schedule (disqualified or no bookable path); nothing can be booked for this routing."
                : "Nothing is booked yet. Book with concierge-schedule: routingId plus one of these startTimes; the session is short-lived and single-use.";
        return ToolResults.Success(response.Body, note);
    }
}
