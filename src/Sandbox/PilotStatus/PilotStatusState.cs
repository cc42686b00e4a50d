namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// In-memory Pilot Status account. All mutation happens under <see cref="Sync"/>; the public accessors hand out
/// snapshots so callers (tests) can enumerate without holding the lock.
/// </summary>
public sealed partial class PilotStatusState
{
    internal PilotStatusState(TimeProvider time)
    {
        Time = time;
        var now = time.GetUtcNow();
        PilotStatusSeed.Populate(this, now);
        SeedNumbers(now);
        SeedGroups(now);
        SeedTemplates(now);
        SeedCalls(now);
        SeedAccount(now);
        SeedWebhooks(now);
    }

    // Each API area seeds its own data from its own file; an area without seed data simply has no body.
    partial void SeedNumbers(DateTimeOffset now);

    /// <summary>
    /// Time-driven changes (message lifecycle, template approval, number connection) registered by each area,
    /// usually from its seed hook. Each ticker must be idempotent for a given time and may <see cref="Publish"/> events.
    /// </summary>
    internal List<Action<DateTimeOffset>> Tickers { get; } = [];

    /// <summary>Brings every time-driven change up to <paramref name="now"/>. Must run under <see cref="Sync"/>.</summary>
    internal void Tick(DateTimeOffset now)
    {
        foreach (var ticker in Tickers)
        {
            ticker(now);
        }
    }

    partial void SeedGroups(DateTimeOffset now);

    partial void SeedTemplates(DateTimeOffset now);

    partial void SeedCalls(DateTimeOffset now);

    partial void SeedAccount(DateTimeOffset now);

    partial void SeedWebhooks(DateTimeOffset now);

    /// <summary>
    /// Raises a webhook event for one number. Called by handlers under <see cref="Sync"/>, so delivery must only
    /// enqueue here and do its HTTP work elsewhere.
    /// </summary>
    /// <param name="numberId">The number the event belongs to (webhooks are bound to one number).</param>
    /// <param name="eventName">Event name as in the vendor catalogue, e.g. <c>message.delivered</c>.</param>
    /// <param name="payload">The whole JSON body to POST (envelope included).</param>
    internal void Publish(string numberId, string eventName, System.Text.Json.Nodes.JsonObject payload)
        => OnPublish(numberId, eventName, payload);

    partial void OnPublish(string numberId, string eventName, System.Text.Json.Nodes.JsonObject payload);

    public TimeProvider Time { get; }

    internal Lock Sync { get; } = new();

    internal List<PilotStatusTenant> TenantList { get; } = [];

    internal List<WhatsAppNumber> NumberList { get; } = [];

    internal List<PilotStatusApiKey> ApiKeyList { get; } = [];

    internal List<MessageTemplate> TemplateList { get; } = [];

    internal List<Conversation> ConversationList { get; } = [];

    internal List<ConversationMessage> ConversationMessageList { get; } = [];

    internal List<OutboundMessage> OutboundMessageList { get; } = [];

    public IReadOnlyList<WhatsAppNumber> GetNumbers() => Snapshot(NumberList);

    public IReadOnlyList<PilotStatusApiKey> GetApiKeys() => Snapshot(ApiKeyList);

    public IReadOnlyList<MessageTemplate> GetTemplates() => Snapshot(TemplateList);

    public IReadOnlyList<Conversation> GetConversations() => Snapshot(ConversationList);

    /// <summary>Messages accepted by the send endpoint, with statuses brought up to date with the clock.</summary>
    public IReadOnlyList<OutboundMessage> GetOutboundMessages()
    {
        lock (Sync)
        {
            var now = Time.GetUtcNow();
            foreach (var message in OutboundMessageList)
            {
                message.Advance(now);
            }

            return OutboundMessageList.ToArray();
        }
    }

    /// <summary>Unread inbound lines of a conversation; derived rather than stored so it can never drift.</summary>
    internal int UnreadCount(string conversationId)
        => ConversationMessageList.Count(m => m.ConversationId == conversationId && m.IsUnread);

    internal PilotStatusApiKey? FindKeyBySecret(string secret) => ApiKeyList.Find(k => k.Secret == secret);

    internal PilotStatusApiKey? FindKeyById(string id) => ApiKeyList.Find(k => k.Id == id);

    internal WhatsAppNumber? FindNumber(string tenantId, string numberId)
        => NumberList.Find(n => n.Id == numberId && n.TenantId == tenantId);

    /// <summary>Templates are addressed by id or by name, scoped to one number.</summary>
    internal MessageTemplate? FindTemplate(string numberId, string idOrName)
        => TemplateList.Find(t => t.NumberId == numberId && t.Id == idOrName)
           ?? TemplateList.Find(t => t.NumberId == numberId && string.Equals(t.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Messages are addressed by internal id, correlation id or, once sent, the provider id.</summary>
    internal OutboundMessage? FindOutbound(string numberId, string anyId)
        => OutboundMessageList.Find(m => m.NumberId == numberId
            && (m.Id == anyId || m.CorrelationId == anyId || (m.ExternalMessageId is { } external && external == anyId)));

    internal Conversation? FindDirectConversation(string numberId, string destination)
        => ConversationList.Find(c => c.NumberId == numberId && c.Type == ConversationTypes.Direct
            && (c.From == destination || c.UserId == destination));

    internal DateTimeOffset? LastInboundAt(string conversationId)
    {
        DateTimeOffset? latest = null;
        foreach (var message in ConversationMessageList)
        {
            if (message.ConversationId == conversationId && message.Direction == MessageDirections.Inbound
                && (latest is null || message.CreatedAt > latest))
            {
                latest = message.CreatedAt;
            }
        }

        return latest;
    }

    private T[] Snapshot<T>(List<T> source)
    {
        lock (Sync)
        {
            return source.ToArray();
        }
    }
}
