namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    private const string Sdp = @"v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=setup:active\r\n";
    private const string Permitted = "+5511977776666";
    private const string Unpermitted = "+5511988887777";

    public static IEnumerable<ToolCase> Calls =>
    [
        new("call_initiate", $$"""{"to":"{{Permitted}}","sdp":"{{Sdp}}","bizOpaqueCallbackData":"ticket-7"}"""),
        new("call_initiate", $$"""{"to":"{{Unpermitted}}","sdp":"{{Sdp}}"}""", "META_CALL_PERMISSION_REQUIRED", Label: "no permission"),
        new("call_initiate", $$"""{"to":"{{Permitted}}"}""", "VALIDATION_ERROR", Label: "no offer on meta"),
        new("call_initiate", $$"""{"to":"{{Permitted}}","sdp":"{{Sdp}}"}""", "FEATURE_NOT_SUPPORTED", CaseKey.EvolutionNumber, "evolution number"),
        new("call_initiate", $$"""{"to":"{{Permitted}}","sdp":"{{Sdp}}"}""", "TENANT_SCOPE_NOT_ALLOWED", CaseKey.Tenant, "tenant key"),
        new("call_initiate", """{"to":"9777-6666"}""", "INVALID_ARGUMENT", Label: "not E.164"),
        new("calls_list", """{"limit":2}"""),
        new("calls_list", """{"limit":500}""", "INVALID_ARGUMENT", Label: "limit too big"),
        new("calls_list", "{}", "FEATURE_NOT_SUPPORTED", CaseKey.EvolutionNumber, "evolution number"),
        new("call_get", """{"callId":"call_sandbox_ringing","includeSdp":true}"""),
        new("call_get", """{"callId":"wacid.call_sandbox_completed"}""", Label: "by provider id"),
        new("call_get", """{"callId":"call_missing"}""", "CALL_NOT_FOUND", Label: "unknown call"),
        new("call_accept", $$"""{"callId":"call_sandbox_ringing","sdp":"{{Sdp}}"}"""),
        new("call_accept", """{"callId":"call_sandbox_ringing"}""", "VALIDATION_ERROR", Label: "no answer on meta"),
        new("call_accept", $$"""{"callId":"call_sandbox_completed","sdp":"{{Sdp}}"}""", "INVALID_CALL_STATE", Label: "ended call"),
        new("call_reject", """{"callId":"call_sandbox_ringing"}"""),
        new("call_reject", """{"callId":"call_sandbox_completed"}""", "INVALID_CALL_STATE", Label: "ended call"),
        new("call_reject", """{"callId":"call_missing"}""", "CALL_NOT_FOUND", Label: "unknown call"),
        new("call_terminate", """{"callId":"{prev:id}"}""",
            Before: [new("call_initiate", $$"""{"to":"{{Permitted}}","sdp":"{{Sdp}}"}""")]),
        new("call_terminate", """{"callId":"call_sandbox_ringing"}""", "INVALID_CALL_STATE", Label: "ringing inbound"),
        new("call_settings_get", "{}"),
        new("call_settings_get", "{}", "FEATURE_NOT_SUPPORTED", CaseKey.EvolutionNumber, "evolution number"),
        new("call_settings_update", """{"settings":{"call_icon_visibility":"DISABLE_ALL","call_hours":{"status":"DISABLED"}}}"""),
        new("call_settings_update", """{"settings":{"sip":{"status":"ENABLED"}}}""", "INVALID_ARGUMENT", Label: "sip"),
        new("call_settings_update", """{"settings":{"status":"ON"}}""", "VALIDATION_ERROR", Label: "unknown status"),
        new("call_permission_get", $$"""{"to":"{{Unpermitted}}"}"""),
        new("call_permission_get", """{"to":"ana"}""", "INVALID_ARGUMENT", Label: "not E.164"),
        new("call_permission_request", $$"""{"to":"{{Unpermitted}}","text":"About your order #1234"}"""),
        new("call_permission_request", $$"""{"to":"{{Unpermitted}}"}""", "META_CALL_PERMISSION_REQUEST_LIMIT", Label: "asked twice",
            Before: [new("call_permission_request", $$"""{"to":"{{Unpermitted}}"}""")]),
        new("call_permission_request", $$"""{"to":"{{Permitted}}"}""", "META_OUTSIDE_24H_WINDOW", Label: "outside 24 h window"),
    ];
}
