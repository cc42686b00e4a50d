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

        // Chili Piper scheduling links, Handoff and Concierge (two-phase bookings, routing logs).
        ["Failure"] = "Chili Piper declined and changed nothing. After a -schedule call the session or slot is no longer valid: run phase 1 again (scheduling-link-init, handoff-init or concierge-route) and book one of the new start times; never repeat the same call. After a cancel or no-show, read the meeting to see its status.",
        ["RoutingSessionNotFound"] = "The booking session is unknown or gone; run phase 1 again (scheduling-link-init, handoff-init or concierge-route) and book one of the new start times.",
        ["GuestEmailRequired"] = "This link resolves its host from the guest's CRM owner: call scheduling-link-init again with guestEmail.",
        ["LogsIntervalTooLong"] = "Split the range into windows of at most 30 days and call concierge-logs once per window.",
    };

    public static string For(UpstreamError error, bool isRead)
    {
        if (error.Code is { } code && ByCode.TryGetValue(code, out var hint))
        {
            return hint;
        }

        if (error.Status == 0 || error.Status >= 500)
        {
            return error.OutcomeUnknown
                ? "Outcome unknown: the upstream may have applied this change. Check the current state (read or list it) before calling again."
                : "The upstream is unavailable right now; try again in a little while.";
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
