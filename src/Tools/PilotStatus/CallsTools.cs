namespace Serverless.Tools.PilotStatus;

/// <summary>
/// WhatsApp voice calls of one number (Meta Cloud API numbers; others get FEATURE_NOT_SUPPORTED). Pilot Status
/// only relays call signalling: audio flows between the caller's WebRTC client and WhatsApp.
/// </summary>
[McpServerToolType]
[Toolset(Toolsets.Calls)]
public sealed class CallsTools(CallsClient client)
{
    private const string CallIdHelp = "Call id (call_...) or the provider call id (wacid...).";

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "call_initiate", Title = "Start a WhatsApp call", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Call a contact from the key-bound number (business-initiated call). First check permission with call_permission_get and, if missing, ask with call_permission_request: without it the call fails with META_CALL_PERMISSION_REQUIRED. Calls need a Meta Cloud API number, and on Meta you must pass the SDP offer of your WebRTC client in sdp. Returns id, externalCallId and status INITIATED; follow it with call_get. Meta bills answered calls. Needs a number-scoped key.")]
    public Task<CallToolResult> InitiateCall(
        [Description("Contact phone in E.164, such as +5511999998888.")] string to,
        [Description("SDP offer from your WebRTC client (business side a=setup:active). Required on Meta numbers.")] string? sdp = null,
        [Description("Opaque text of yours, echoed back on the call end event.")] string? bizOpaqueCallbackData = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject { ["to"] = CallArguments.Phone(to, nameof(to)) };
            if (CallArguments.Sdp(sdp, nameof(sdp), "offer") is { } offer)
            {
                body["sdp"] = offer;
                body["sdpType"] = "offer";
            }

            if (!string.IsNullOrWhiteSpace(bizOpaqueCallbackData))
            {
                body["bizOpaqueCallbackData"] = bizOpaqueCallbackData;
            }

            return ToolResults.Success((await client.InitiateCallAsync(body, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "calls_list", Title = "List WhatsApp calls", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List the calls of the key-bound number (inbound and outbound), newest first, with status, peer number, duration and timestamps; never SDP. Page back by passing the createdAt of the last call in before. Calls need a Meta Cloud API number. Needs a number-scoped key.")]
    public Task<CallToolResult> ListCalls(
        [Description("Calls per page, 1 to 100 (default 25).")] int? limit = null,
        [Description("Only calls created strictly before this ISO-8601 instant (the last createdAt of the previous page).")] string? before = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var size = Arguments.InRange(limit, 1, 100, nameof(limit));
            var cursor = Arguments.IsoInstant(before, nameof(before));
            return ToolResults.Success((await client.ListCallsAsync(size, cursor, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "call_get", Title = "Get a WhatsApp call", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read one call of the key-bound number: direction, status (INITIATED, RINGING, ACCEPTED, REJECTED, COMPLETED, FAILED), peer number and timestamps. With includeSdp it also returns the SDP offer and answer, which you need to answer an inbound call on a Meta number with call_accept. Needs a number-scoped key.")]
    public Task<CallToolResult> GetCall(
        [Description(CallIdHelp)] string callId,
        [Description("Also return sdpOffer and sdpAnswer (Meta numbers only).")] bool includeSdp = false,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetCallAsync(Arguments.NotBlank(callId, nameof(callId)), includeSdp, cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "call_accept", Title = "Answer a WhatsApp call", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Answer a ringing inbound call of the key-bound number. On a Meta number read the SDP offer of the caller first (call_get with includeSdp) and pass the SDP answer of your WebRTC client in sdp; the call then connects and audio flows to your client. Returns status ACCEPTED. Needs a number-scoped key.")]
    public Task<CallToolResult> AcceptCall(
        [Description(CallIdHelp)] string callId,
        [Description("SDP answer from your WebRTC client. Required on Meta numbers.")] string? sdp = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.NotBlank(callId, nameof(callId));
            var body = CallArguments.Sdp(sdp, nameof(sdp), "answer") is { } answer
                ? new JsonObject { ["sdp"] = answer, ["sdpType"] = "answer" }
                : null;
            return ToolResults.Success((await client.AcceptCallAsync(id, body, cancellationToken)).Body);
        });

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "call_reject", Title = "Decline a WhatsApp call", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Decline a ringing inbound call of the key-bound number. The caller sees the call declined; it ends with status REJECTED. Needs a number-scoped key.")]
    public Task<CallToolResult> RejectCall(
        [Description(CallIdHelp)] string callId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.RejectCallAsync(Arguments.NotBlank(callId, nameof(callId)), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "call_terminate", Title = "Hang up a WhatsApp call", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Hang up an active call of the key-bound number (an outbound call still ringing, or a connected call). It ends with status COMPLETED; the duration arrives with the end of the call. Needs a number-scoped key.")]
    public Task<CallToolResult> TerminateCall(
        [Description(CallIdHelp)] string callId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.TerminateCallAsync(Arguments.NotBlank(callId, nameof(callId)), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "call_settings_get", Title = "Read calling settings", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read the calling settings of the key-bound number as Meta reports them: calling status, call icon visibility, callback permission, call hours. Calls need a Meta Cloud API number. Needs a number-scoped key.")]
    public Task<CallToolResult> GetCallSettings(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetCallSettingsAsync(cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "call_settings_update", Title = "Change calling settings", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Change some calling settings of the key-bound number; fields left out keep their value. Allowed: status, call_icon_visibility, callback_permission_status, call_hours (replaces the whole stored object), voicemail. SIP cannot be set. Meta refuses to enable calling on numbers below its 2,000-a-day messaging tier. Needs a number-scoped key.")]
    public Task<CallToolResult> UpdateCallSettings(
        [Description("The fields to change, named as Meta does, e.g. {status: ENABLED, call_icon_visibility: DEFAULT}.")] JsonElement settings,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.UpdateCallSettingsAsync(CallArguments.Settings(settings), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "call_permission_get", Title = "Check call permission", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Check whether the key-bound number may call a contact: permission status (no_permission, temporary, permanent) with its expiry, and whether a call or a permission request can be made now within Meta limits. Do this before call_initiate. Calls need a Meta Cloud API number. Needs a number-scoped key.")]
    public Task<CallToolResult> GetCallPermission(
        [Description("Contact phone in E.164, such as +5511999998888.")] string to,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetCallPermissionAsync(CallArguments.Phone(to, nameof(to)), cancellationToken)).Body));

    [KeyScope(KeyScope.Number)]
    [McpServerTool(Name = "call_permission_request", Title = "Ask a contact for call permission", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Send a contact the WhatsApp prompt asking to allow calls from the key-bound number. Only inside the 24 h window after the last message of the contact, and Meta limits how often you may ask (META_CALL_PERMISSION_REQUEST_LIMIT). The answer arrives later as the call.permission_updated event; check it with call_permission_get. Calls need a Meta Cloud API number. Needs a number-scoped key.")]
    public Task<CallToolResult> RequestCallPermission(
        [Description("Contact phone in E.164, such as +5511999998888.")] string to,
        [Description("Why you want to call, shown to the contact with the prompt.")] string? text = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject { ["to"] = CallArguments.Phone(to, nameof(to)) };
            if (!string.IsNullOrWhiteSpace(text))
            {
                body["text"] = text;
            }

            return ToolResults.Success((await client.RequestCallPermissionAsync(body, cancellationToken)).Body);
        });
}
