namespace Serverless.Tools.PilotStatus;

/// <summary>What to do after each Pilot Status error code (contract: pilot-status/TOOLS.md, error codes).</summary>
public static class PilotStatusNextSteps
{
    public const string TenantScopeNotAllowed = "TENANT_SCOPE_NOT_ALLOWED";
    public const string NumberScopeNotAllowed = "NUMBER_SCOPE_NOT_ALLOWED";

    private static readonly Dictionary<string, string> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        // Keys: said per tool when the tool declares its scope (ScopeAdvice); these are for tools that do not.
        [TenantScopeNotAllowed] = "This tool needs a number-scoped Pilot Status key (one bound to a single WhatsApp number), not the tenant key. Call it again with the number's key.",
        [NumberScopeNotAllowed] = "This tool needs the tenant-scoped Pilot Status key, not a number key. Call it again with the tenant key.",
        ["NUMBER_REQUIRED"] = "Name the WhatsApp number: send the x-whatsapp-number-id header (or the tool's number argument).",
        ["NUMBER_NOT_FOUND"] = "The key is not bound to a WhatsApp number, or the number does not exist; check the key and the number id.",
        ["WHATSAPP_INSTANCE_NOT_CONNECTED"] = "The WhatsApp number is not connected; reconnect it (numbers_connect) and try again.",

        // Messages and conversations: the query names are startDate and endDate, and they may be equal.
        ["INVALID_DATE_RANGE"] = "Make startDate earlier than or equal to endDate and call again.",

        // Templates and sends
        ["MISSING_TEMPLATE_VARIABLES"] = "Pass a value for every variable of the template in 'variables' (templates_get shows them).",
        ["TEMPLATE_NOT_FOUND"] = "Check the template id or name; templates_list shows the templates of this number.",
        ["TEMPLATE_EXAMPLES_REQUIRED"] = "Add an 'examples' object with one realistic sample per variable and call again.",
        ["TEMPLATE_ALREADY_EXISTS"] = "A template with this name already exists on the number: pick another name, or change the existing one with templates_update.",
        ["META_TEMPLATE_SUBMIT_FAILED"] = "Meta refused the template. Revise what the message names (e.g. a shortened link, wording that does not match the category) and submit again.",
        ["SUBSCRIPTION_REQUIRED_FOR_MEDIA"] = "Media sends need a paid plan; send text or a template without media, or upgrade the account.",
        ["NOT_SUPPORTED_FOR_META"] = "This number is on the Meta Cloud API, which does not support this operation; use an Evolution (QR-paired) number.",
        ["META_GROUPS_NOT_ELIGIBLE"] = "This Meta number is not eligible for groups; use an Evolution (QR-paired) number.",

        // Account (subscription, media)
        ["CONFIRMATION_REQUIRED"] = "This purchase converts the plan from Free to On Demand and bills the formerly free number too. Show the user the subscription_extra_numbers_get preview; only if they agree, call again with confirm: true.",
        ["MEDIA_NOT_FOUND"] = "No media with that id for this number: take media.id from a message received on this Meta number and download it soon (Meta links expire). Evolution media have no id; use media.url.",

        // Groups and numbers
        ["GROUP_NOT_FOUND"] = "The number is not in a group with that id; groups_list shows the groups it belongs to.",
        ["NUMBER_ALREADY_CONNECTED"] = "The number is already connected (OPEN) and needs no QR code; check it with numbers_status.",
        ["NUMBER_ALREADY_EXISTS"] = "That phone number is already in the account; numbers_list shows its id (use numbers_connect to pair it again).",
        ["EVOLUTION_API_KEY_MISSING"] = "Pilot Status cannot reach the WhatsApp provider of this number right now; try again later or contact Pilot Status support.",

        // Webhooks
        ["WEBHOOK_NOT_FOUND"] = "No webhook with that id is visible to this key (or to the x-whatsapp-number-id number); webhooks_list shows the ones you can use.",
        ["NUMBER_MISMATCH"] = "whatsappNumberId must be the number of the key (or of the x-whatsapp-number-id header); leave it out, or use the tenant key to pick another number.",

        // Voice calls
        ["FEATURE_NOT_SUPPORTED"] = "This number's provider does not offer this feature; voice calls need a Meta Cloud API number. Use that number's key.",
        ["CALL_NOT_FOUND"] = "No such call on this number; calls_list shows the number's calls and their ids.",
        ["INVALID_CALL_STATE"] = "The call is not in a state that allows this; read it with call_get and act on its current status.",
        ["META_CALL_PERMISSION_REQUIRED"] = "The contact has not allowed calls from this number. Check with call_permission_get, ask with call_permission_request, and call once permission is granted.",
        ["META_OUTSIDE_24H_WINDOW"] = "The contact has not written in the last 24 hours. Send an approved template (messages_send with templateId) and wait for a reply before trying again.",
        ["META_CALL_PERMISSION_REQUEST_LIMIT"] = "Meta limits how often a contact may be asked for call permission; call_permission_get shows the limits. Wait before asking again.",
    };

    /// <summary>Every code this table advises on.</summary>
    public static IReadOnlyCollection<string> Codes => ByCode.Keys;

    /// <param name="tool">The tool that met the code: a key-scope refusal then names the key this very tool needs.</param>
    public static string? For(string code, ToolDeclaration? tool) =>
        tool is { KeyScope: { } scope } && (code == TenantScopeNotAllowed || code == NumberScopeNotAllowed)
            ? ScopeAdvice(tool.Name, code, scope)
            : ByCode.GetValueOrDefault(code);

    /// <summary>The upstream's code says which kind of key it wanted; the declared scope adds how to supply it.</summary>
    internal static string ScopeAdvice(string tool, string code, KeyScope scope)
    {
        var wantsNumberKey = code == TenantScopeNotAllowed;
        var advice = wantsNumberKey
            ? $"{tool} needs a number-scoped Pilot Status key (the key of one WhatsApp number), not the tenant key. Call it again with that number's key."
            : $"{tool} needs the tenant-scoped Pilot Status key (the account key), not a number key. Call it again with the tenant key.";
        return scope == KeyScope.Either && wantsNumberKey
            ? advice + " With the tenant key, name the number in the x-whatsapp-number-id header instead."
            : advice;
    }
}
