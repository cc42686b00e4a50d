namespace Serverless.Tools.ChiliPiper;

/// <summary>Handoff: a rep books a prospect with the right colleague, in two phases.</summary>
[McpServerToolType]
[Toolset(Toolsets.Handoff)]
public sealed class HandoffTools(HandoffClient client)
{
    [McpServerTool(Name = "handoff-init", Title = "Start a Handoff booking", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Phase 1 of a Handoff: runs the Handoff routers of the workspace for a prospect (by guestEmail, or a CRM lead/contact id) as the booking rep. Books nothing. Returns {routingId, guestEmail, routers: [{routerId, pathResults: [{pathId, assignees, startTimes: [{startTime, attendees}]}]}]}. Book with handoff-schedule soon: the session is short-lived.")]
    public Task<CallToolResult> Init(
        [Description("Workspace whose Handoff routers run (workspace-list gives ids).")] string workspaceId,
        [Description("Id of the user (rep) doing the booking.")] string userId,
        [Description("Window to search.")] TimeInterval interval,
        [Description("Inferred from guestEmail or id when omitted.")] HandoffRequestType? type = null,
        [Description("Prospect email, for a GuestEmailRequest.")] string? guestEmail = null,
        [Description("Prospect CRM record, for a CrmRequest.")] CrmRecordId? id = null,
        [Description("Run only this Handoff router.")] string? routerId = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var workspace = Arguments.NotBlank(workspaceId, nameof(workspaceId));
            var booker = Arguments.NotBlank(userId, nameof(userId));
            var body = Prospect(type, guestEmail, id);
            body["interval"] = BookingArguments.Interval(interval, nameof(interval));
            if (!string.IsNullOrWhiteSpace(routerId))
            {
                body["routerId"] = routerId.Trim();
            }

            var response = await client.HandoffInitAsync(workspace, booker, body, cancellationToken);
            return ToolResults.Success(response.Body,
                "Nothing is booked yet. Book with handoff-schedule: routingId, a routerId and pathId from routers[].pathResults[], and one of that path's startTimes.");
        });

    [McpServerTool(Name = "handoff-schedule", Title = "Book a Handoff meeting", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Phase 2 of a Handoff: book the meeting for a path of a handoff-init session. startTime must be one of the start times of that path. Books at once and sends invites; never retried. Returns {meetingTypeId, host, selectedAssignees, scheduleMeetingResult: {type: Success, meetingId}}. A failure (slot taken, session expired or used) books nothing: run handoff-init again.")]
    public Task<CallToolResult> Schedule(
        [Description("The routingId handoff-init returned.")] string routingId,
        [Description("routers[].routerId from handoff-init.")] string routerId,
        [Description("routers[].pathResults[].pathId from handoff-init.")] string pathId,
        [Description("Id of the booking rep (the same user as in handoff-init).")] string userId,
        [Description("One of the path startTimes[].startTime from handoff-init.")] string startTime,
        [Description("Meeting location, when the path lets the booker choose one.")] JsonElement? location = null,
        [Description("Guest IANA time zone, e.g. Europe/Berlin.")] string? guestTimezone = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var session = Arguments.NotBlank(routingId, nameof(routingId));
            var router = Arguments.NotBlank(routerId, nameof(routerId));
            var path = Arguments.NotBlank(pathId, nameof(pathId));
            var booker = Arguments.NotBlank(userId, nameof(userId));
            var body = new JsonObject { ["startTime"] = BookingArguments.Instant(startTime, nameof(startTime)) };
            if (location is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } place)
            {
                body["location"] = JsonSerializer.SerializeToNode(place, ToolJsonContext.Default.JsonElement);
            }

            if (!string.IsNullOrWhiteSpace(guestTimezone))
            {
                body["guestTimezone"] = guestTimezone.Trim();
            }

            return ToolResults.Success((await client.HandoffScheduleAsync(session, router, path, booker, body, cancellationToken)).Body);
        });

    private static JsonObject Prospect(HandoffRequestType? type, string? guestEmail, CrmRecordId? id)
    {
        var hasEmail = !string.IsNullOrWhiteSpace(guestEmail);
        var kind = type ?? (hasEmail, id is not null) switch
        {
            (true, false) => HandoffRequestType.GuestEmailRequest,
            (false, true) => HandoffRequestType.CrmRequest,
            _ => throw new ToolArgumentException(nameof(guestEmail), "Name the prospect with exactly one of guestEmail or id (a CRM lead or contact)."),
        };

        if (kind == HandoffRequestType.GuestEmailRequest)
        {
            if (id is not null)
            {
                throw new ToolArgumentException(nameof(id), "A GuestEmailRequest takes guestEmail, not id.");
            }

            return new JsonObject { ["type"] = "GuestEmailRequest", ["guestEmail"] = Arguments.Email(guestEmail, nameof(guestEmail)) };
        }

        if (hasEmail)
        {
            throw new ToolArgumentException(nameof(guestEmail), "A CrmRequest takes id, not guestEmail.");
        }

        if (id is null)
        {
            throw new ToolArgumentException(nameof(id), "A CrmRequest needs id: {\"type\": \"LeadId\" or \"ContactId\", \"value\": \"<CRM id>\"}.");
        }

        return new JsonObject
        {
            ["type"] = "CrmRequest",
            ["id"] = new JsonObject { ["type"] = id.Type.ToString(), ["value"] = Arguments.NotBlank(id.Value, "id.value") },
        };
    }
}
