namespace Serverless.Sandbox.PilotStatus;

/// <summary>The vendor's webhook event catalogue and its subscription rules.</summary>
public static class WebhookEvents
{
    public const string Everything = "*";

    public const string MessageSent = "message.sent";
    public const string MessageDelivered = "message.delivered";
    public const string MessageRead = "message.read";
    public const string MessageFailed = "message.failed";
    public const string MessageReceived = "message.received";
    public const string MessageReply = "message.reply";
    public const string MessageGroup = "message.group";
    public const string MessageNewsletter = "message.newsletter";

    /// <summary>Delivered only to <c>"*"</c> subscriptions; naming them individually selects nothing.</summary>
    public static readonly IReadOnlySet<string> StarOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "number.recovered", "number.health_blocked", "number.health_degraded", "number.health_shadowban",
    };

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        MessageSent, MessageDelivered, MessageRead, MessageFailed,
        MessageReceived, MessageReply, MessageGroup, MessageNewsletter,
        "number.created", "number.connected", "number.disconnected", "number.removed",
        "number.recovered", "number.health_blocked", "number.health_degraded", "number.health_shadowban",
        "call.ringing", "call.connected", "call.ended", "call.missed", "call.permission_updated", "calls",
    };

    public static bool Wants(IReadOnlyList<string> subscribed, string eventName)
        => subscribed.Contains(Everything) || (!StarOnly.Contains(eventName) && subscribed.Contains(eventName));

    /// <summary>
    /// Whether a number's provider can produce an event at all. The vendor silently drops the others from a
    /// subscription: Meta numbers have no groups or channels, and only Meta and Evolution GO numbers carry calls.
    /// </summary>
    public static bool CanEmit(WhatsAppNumber number, string eventName)
    {
        if (number.IsMeta && eventName is MessageGroup or MessageNewsletter)
        {
            return false;
        }

        var isCall = eventName == "calls" || eventName.StartsWith("call.", StringComparison.Ordinal);
        return !isCall || number.IsMeta || number.ProviderKind == "EVO_GO";
    }
}
