namespace Serverless.Tools.ChiliPiper;

/// <summary>Chili Piper meetings addressed by the id of their CRM event (Salesforce Event or HubSpot engagement).</summary>
[McpServerToolType]
[Toolset(Toolsets.Crm)]
public sealed class CrmTools(CrmClient client)
{
    private const string CrmIdDescription = "The CRM event id: a Salesforce Event id (15 or 18 characters) or a HubSpot engagement id.";

    [McpServerTool(Name = "crm-get", Title = "Get a meeting by CRM event", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Find the Chili Piper meeting linked to a CRM event and return its full record (as meeting-get: id, meetingStatus, attendees, activities, bookedAt). Use it when you start from Salesforce or HubSpot. A 404 means no meeting is linked to that event.")]
    public Task<CallToolResult> GetByCrmEvent(
        [Description(CrmIdDescription)] string crmEventId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetCrmMeetingAsync(Arguments.NotBlank(crmEventId, nameof(crmEventId)), cancellationToken)).Body));

    [McpServerTool(Name = "crm-cancel", Title = "Cancel a meeting by CRM event", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Cancel the meeting linked to a CRM event. Irreversible: the calendar event is cancelled and attendees may be emailed. Returns {type: Success}; a meeting that cannot be cancelled comes back as an error with the reason, and a 404 means no meeting is linked to that event.")]
    public Task<CallToolResult> CancelByCrmEvent(
        [Description(CrmIdDescription)] string crmEventId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.CancelCrmMeetingAsync(Arguments.NotBlank(crmEventId, nameof(crmEventId)), cancellationToken)).Body));

    [McpServerTool(Name = "crm-noshow", Title = "Mark a meeting as no-show by CRM event", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Mark the meeting linked to a CRM event as a no-show. Cannot be undone through the API and may trigger no-show automations. Returns {type: Success}; a meeting that cannot be marked comes back as an error with the reason, and a 404 means no meeting is linked to that event.")]
    public Task<CallToolResult> NoShowByCrmEvent(
        [Description(CrmIdDescription)] string crmEventId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.MarkCrmMeetingNoShowAsync(Arguments.NotBlank(crmEventId, nameof(crmEventId)), cancellationToken)).Body));

    [McpServerTool(Name = "crm-activity", Title = "Get the activity link of a meeting by CRM event", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Get the link to the activity page, in the Chili Piper admin app, of the meeting linked to a CRM event. Returns {url}; a 404 means no meeting is linked to that event.")]
    public Task<CallToolResult> ActivityByCrmEvent(
        [Description(CrmIdDescription)] string crmEventId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success(MeetingTools.ActivityLink((await client.GetCrmMeetingActivityAsync(Arguments.NotBlank(crmEventId, nameof(crmEventId)), cancellationToken)).Body)));
}
