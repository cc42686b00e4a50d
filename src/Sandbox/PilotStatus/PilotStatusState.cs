namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// In-memory Pilot Status account: tenants, numbers, keys, templates and messages, composed with one state type per
/// API area (<see cref="Calls"/>, <see cref="Groups"/>, ...). All of it shares one lock, <see cref="Sync"/>; the public
/// accessors hand out snapshots so callers (tests) can enumerate without holding the lock.
/// </summary>
public sealed class PilotStatusState
{
    internal PilotStatusState(TimeProvider time)
    {
        Time = time;
        Account = new AccountState(this);
        Calls = new CallsState(this);
        Groups = new GroupsState(this);
        Numbers = new NumbersState(this);
        Webhooks = new WebhooksState(this);
        Inbound = new InboundState(this);

        // The core data first, then each area's own, in an order where every area finds what it builds on.
        var now = time.GetUtcNow();
        PilotStatusSeed.Populate(this, now);
        Numbers.Seed(now);
        Groups.Seed(now);
        TemplateReview.Seed(this);
        Calls.Seed(now);
        Account.Seed(now);
        Webhooks.Seed(now);
    }

    /// <summary>Plan, checkouts, branding and Meta media.</summary>
    public AccountState Account { get; }

    /// <summary>Voice calls, their permissions, settings and events.</summary>
    public CallsState Calls { get; }

    /// <summary>Groups and channels.</summary>
    public GroupsState Groups { get; }

    /// <summary>Number pairing, number keys and number events.</summary>
    public NumbersState Numbers { get; }

    /// <summary>Webhooks, published events and deliveries.</summary>
    public WebhooksState Webhooks { get; }

    /// <summary>Simulated messages from contacts.</summary>
    public InboundState Inbound { get; }

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

    /// <summary>
    /// Raises a webhook event for one number. Called by handlers under <see cref="Sync"/>, so delivery must only
    /// enqueue here and do its HTTP work elsewhere.
    /// </summary>
    /// <param name="numberId">The number the event belongs to (webhooks are bound to one number).</param>
    /// <param name="eventName">Event name as in the vendor catalogue, e.g. <c>message.delivered</c>.</param>
    /// <param name="payload">The whole JSON body to POST (envelope included).</param>
    internal void Publish(string numberId, string eventName, System.Text.Json.Nodes.JsonObject payload)
        => Webhooks.Enqueue(numberId, eventName, payload);

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

    internal T[] Snapshot<T>(List<T> source)
    {
        lock (Sync)
        {
            return source.ToArray();
        }
    }
}
