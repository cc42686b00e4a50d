namespace Serverless.Tools.Errors;

/// <summary>What the model should do after an upstream error, from the vendor code first and the status second.</summary>
public static class NextStep
{
    private static readonly Dictionary<string, string> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TENANT_SCOPE_NOT_ALLOWED"] = "This tool needs a number-scoped Pilot Status key (one bound to a single WhatsApp number), not the tenant key. Call it again with the number's key.",
        ["NUMBER_SCOPE_NOT_ALLOWED"] = "This tool needs the tenant-scoped Pilot Status key, not a number key. Call it again with the tenant key.",
        ["NUMBER_REQUIRED"] = "Name the WhatsApp number: send the x-whatsapp-number-id header (or the tool's number argument).",
        ["INVALID_DATE_RANGE"] = "Make startDate earlier than or equal to endDate and call again.",
        ["MISSING_TEMPLATE_VARIABLES"] = "Pass a value for every variable of the template in 'variables' (templates_get shows them).",
        ["TEMPLATE_NOT_FOUND"] = "Check the template id or name; templates_list shows the templates of this number.",
        ["TEMPLATE_EXAMPLES_REQUIRED"] = "Add an 'examples' object with one realistic sample per variable and call again.",
        ["SUBSCRIPTION_REQUIRED_FOR_MEDIA"] = "Media sends need a paid plan; send text or a template without media, or upgrade the account.",
        ["NOT_SUPPORTED_FOR_META"] = "This number is on the Meta Cloud API, which does not support this operation; use an Evolution (QR-paired) number.",
        ["META_GROUPS_NOT_ELIGIBLE"] = "This Meta number is not eligible for groups; use an Evolution (QR-paired) number.",
        ["NUMBER_NOT_FOUND"] = "The key is not bound to a WhatsApp number, or the number does not exist; check the key and the number id.",
        ["WHATSAPP_INSTANCE_NOT_CONNECTED"] = "The WhatsApp number is not connected; reconnect it (numbers_connect) and try again.",

        // Account (subscription, media)
        ["CONFIRMATION_REQUIRED"] = "This purchase converts the plan from Free to On Demand and bills the formerly free number too. Show the user the subscription_extra_numbers_get preview; only if they agree, call again with confirm: true.",
        ["MEDIA_NOT_FOUND"] = "No media with that id for this number: take media.id from a message received on this Meta number and download it soon (Meta links expire). Evolution media have no id; use media.url.",
        // Chili Piper meetings, CRM and Distro
        ["DATE_RANGE_TOO_LONG"] = "Meeting queries cover at most 7 days: split the range into consecutive windows of 7 days or less and call once per window.",
        ["MeetingNotFound"] = "No meeting matches that id or CRM event id; find the meeting with meeting-list-put over the right 7-day window.",
        // Pilot Status groups and numbers
        ["GROUP_NOT_FOUND"] = "The number is not in a group with that id; groups_list shows the groups it belongs to.",
        ["NUMBER_ALREADY_CONNECTED"] = "The number is already connected (OPEN) and needs no QR code; check it with numbers_status.",
        ["NUMBER_ALREADY_EXISTS"] = "That phone number is already in the account; numbers_list shows its id (use numbers_connect to pair it again).",
        ["EVOLUTION_API_KEY_MISSING"] = "Pilot Status cannot reach the WhatsApp provider of this number right now; try again later or contact Pilot Status support.",
        // Webhooks
        ["WEBHOOK_NOT_FOUND"] = "No webhook with that id is visible to this key (or to the x-whatsapp-number-id number); webhooks_list shows the ones you can use.",
        ["NUMBER_MISMATCH"] = "whatsappNumberId must be the number of the key (or of the x-whatsapp-number-id header); leave it out, or use the tenant key to pick another number.",
        // Chili Piper workspaces, teams, distributions and rules.
        ["RevisionConflict"] = "The rule changed since you read it. Call rule-get for its current metadata.revision (and conditions), reapply your change to that version, and retry this one rule only.",
        ["OwnershipConditionMissingReference"] = "Every OwnershipCondition needs 'ownership': {source, object, field} naming the CRM owner field; add it and call again.",
        ["WorkspaceNotFound"] = "No workspace has that id; workspace-list shows the valid ids (the field is 'id').",
        ["TeamNotFound"] = "No team has that id; team-list-put shows the teams and their ids.",
        ["DistributionNotFound"] = "No distribution has that id; distribution-list-put shows the published ones.",
        ["RuleNotFound"] = "No active rule has that id (deleted rules are gone); rule-list shows the current rules.",
        ["WeightOutOfRange"] = "Weights must stay between 0 and 10000; read the current weights with distribution-list-put and choose a smaller delta.",
        // Templates and voice calls
        ["TEMPLATE_ALREADY_EXISTS"] = "A template with this name already exists on the number: pick another name, or change the existing one with templates_update.",
        ["META_TEMPLATE_SUBMIT_FAILED"] = "Meta refused the template. Revise what the message names (e.g. a shortened link, wording that does not match the category) and submit again.",
        ["FEATURE_NOT_SUPPORTED"] = "This number's provider does not offer this feature; voice calls need a Meta Cloud API number. Use that number's key.",
        ["CALL_NOT_FOUND"] = "No such call on this number; calls_list shows the number's calls and their ids.",
        ["INVALID_CALL_STATE"] = "The call is not in a state that allows this; read it with call_get and act on its current status.",
        ["META_CALL_PERMISSION_REQUIRED"] = "The contact has not allowed calls from this number. Check with call_permission_get, ask with call_permission_request, and call once permission is granted.",
        ["META_OUTSIDE_24H_WINDOW"] = "The contact has not written in the last 24 hours. Send an approved template (messages_send with templateId) and wait for a reply before trying again.",
        ["META_CALL_PERMISSION_REQUEST_LIMIT"] = "Meta limits how often a contact may be asked for call permission; call_permission_get shows the limits. Wait before asking again.",
        // Chili Piper scheduling links, Handoff and Concierge (two-phase bookings, routing logs).
        ["Failure"] = "Chili Piper declined and changed nothing. After a -schedule call the session or slot is no longer valid: run phase 1 again (scheduling-link-init, handoff-init or concierge-route) and book one of the new start times; never repeat the same call. After a cancel or no-show, read the meeting to see its status.",
        ["RoutingSessionNotFound"] = "The booking session is unknown or gone; run phase 1 again (scheduling-link-init, handoff-init or concierge-route) and book one of the new start times.",
        ["GuestEmailRequired"] = "This link resolves its host from the guest's CRM owner: call scheduling-link-init again with guestEmail.",
        // Raised by the gateway itself on the send path.
        ["RESPONSE_TOO_LARGE"] = "Narrow the request so the answer is smaller: ask for one page at a time with a smaller pageSize, a shorter date window, or fewer ids.",
        ["INVALID_HEADER"] = "Send that header with plain ASCII characters only (ids and keys are ASCII) and call again.",
        ["LogsIntervalTooLong"] = "Split the range into windows of at most 30 days and call concierge-logs once per window.",
    };

    private const string OutcomeUnknown =
        "Outcome unknown: the upstream may have applied this change. Check the current state (read or list it) before calling again.";

    /// <summary>The specific advice for a code, when there is one.</summary>
    public static string? ForCode(string? code) => code is not null && ByCode.TryGetValue(code, out var hint) ? hint : null;

    public static string For(UpstreamError error, bool isRead)
    {
        // A write that may have been applied must be checked before anything else is tried.
        if (error.OutcomeUnknown)
        {
            return OutcomeUnknown;
        }

        if (error.Code is { } code && ByCode.TryGetValue(code, out var hint))
        {
            return hint;
        }

        if (error.Status == 0 || error.Status >= 500)
        {
            return "The upstream is unavailable right now; try again in a little while.";
        }

        return error.Status switch
        {
            400 or 422 => "Fix the argument the message names and call again.",
            401 => "The credential was rejected: re-authorise with a valid key or token.",
            402 => "The account's plan does not cover this; upgrade the plan or choose another operation.",
            403 => "The credential is valid but not allowed to do this; use a credential with the permission the message names.",
            404 => "Nothing with that id is visible to this credential; list the resources to find a valid id.",
            409 => "The resource changed or is in a conflicting state; read it again and retry with fresh values.",
            423 => "Someone is editing this resource; try again shortly.",
            429 => error.RetryAfter is { } wait
                ? $"Rate limited: retry after {Math.Ceiling(wait.TotalSeconds)} s."
                : "Rate limited: wait a few seconds before retrying.",
            _ => isRead ? "Try again later." : "Check the current state before calling again.",
        };
    }
}
