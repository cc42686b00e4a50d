namespace Serverless.Tools.PilotStatus;

/// <summary>Webhooks of a WhatsApp number: where its events are POSTed, and what happened to each delivery.</summary>
[McpServerToolType]
[Toolset(Toolsets.Webhooks)]
public sealed class WebhooksTools(WebhooksClient client)
{
    private const string NoEventsNote =
        "This webhook has no events, so nothing will be delivered to it. Call webhooks_update with events [\"*\"] (everything) or a list of event names.";

    [KeyScope(KeyScope.Either)]
    [McpServerTool(Name = "webhooks_list", Title = "List webhooks", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List webhooks with their URL, events, active flag and the number each is bound to. A number key sees webhooks of its number; the tenant key sees all, or those of one number when the x-whatsapp-number-id header is sent. The signing secret is never returned. Works with the tenant key or a number key.")]
    public Task<CallToolResult> ListWebhooks(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.ListWebhooksAsync(cancellationToken)).Body));

    [KeyScope(KeyScope.Either)]
    [McpServerTool(Name = "webhook_get", Title = "Get a webhook", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read one webhook by id (wh_...): URL, events, active flag, bound number, last trigger time. A webhook of another number than that of the key (or of the x-whatsapp-number-id header) is reported as WEBHOOK_NOT_FOUND. Works with the tenant key or a number key.")]
    public Task<CallToolResult> GetWebhook(
        [Description("Webhook id (wh_...), from webhooks_list.")] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.GetWebhookAsync(Arguments.NotBlank(id, nameof(id)), cancellationToken)).Body));

    [KeyScope(KeyScope.Either)]
    [McpServerTool(Name = "webhooks_create", Title = "Create a webhook", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Register an HTTPS URL that receives one JSON POST per event of one WhatsApp number (fixed for good). List the events to receive; * means all (and is the only way to get number.health_* and number.recovered). Careful: an empty or omitted events list delivers nothing. A number key binds its own number; the tenant key needs whatsappNumberId or the x-whatsapp-number-id header. Returns the webhook; its signing secret is never shown.")]
    public Task<CallToolResult> CreateWebhook(
        [Description("HTTPS endpoint that receives the POSTs (plain http only for a loopback host, e.g. a local test receiver).")] string url,
        [Description("Event names to deliver, e.g. [message.delivered,message.received], or [*] for all. Empty or omitted: nothing is delivered.")] string[]? events = null,
        [Description("Display name (default: host of the URL).")] string? name = null,
        [Description("Number to bind (num_...). Required with the tenant key unless x-whatsapp-number-id is sent; with a number key it must be its own number.")] string? whatsappNumberId = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject { ["url"] = WebhookUrl(url, nameof(url)) };
            if (Optional(name) is { } n)
            {
                body["name"] = n;
            }

            var selected = events is null ? null : EventList(events, nameof(events));
            if (selected is not null)
            {
                body["events"] = new JsonArray([.. selected.Select(e => JsonValue.Create(e))]);
            }

            if (Optional(whatsappNumberId) is { } number)
            {
                body["whatsappNumberId"] = number;
            }

            var response = await client.CreateWebhookAsync(body, cancellationToken);
            return ToolResults.Success(response.Body, selected is null or { Count: 0 } ? NoEventsNote : null);
        });

    [KeyScope(KeyScope.Either)]
    [McpServerTool(Name = "webhooks_update", Title = "Update a webhook", ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Change the name, URL, events or active flag of a webhook; only the fields given change. events replaces the whole list (it is not merged): pass every event to keep, [*] for all; [] stops all deliveries. active:false pauses delivery without deleting. The bound number cannot change. Works with the tenant key or a number key.")]
    public Task<CallToolResult> UpdateWebhook(
        [Description("Webhook id (wh_...).")] string id,
        [Description("New display name.")] string? name = null,
        [Description("New HTTPS endpoint (plain http only for a loopback host).")] string? url = null,
        [Description("True delivers events, false pauses the webhook.")] bool? active = null,
        [Description("The complete new list of event names (replaces the old list); [*] for all, [] for none.")] string[]? events = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var webhookId = Arguments.NotBlank(id, nameof(id));
            var body = new JsonObject();
            if (Optional(name) is { } n)
            {
                body["name"] = n;
            }

            if (url is not null)
            {
                body["url"] = WebhookUrl(url, nameof(url));
            }

            if (active is { } a)
            {
                body["active"] = a;
            }

            var selected = events is null ? null : EventList(events, nameof(events));
            if (selected is not null)
            {
                body["events"] = new JsonArray([.. selected.Select(e => JsonValue.Create(e))]);
            }

            if (body.Count == 0)
            {
                throw new ToolArgumentException(nameof(id), "Nothing to change: give at least one of name, url, active or events.");
            }

            var response = await client.UpdateWebhookAsync(webhookId, body, cancellationToken);
            return ToolResults.Success(response.Body, selected is { Count: 0 } ? NoEventsNote : null);
        });

    [KeyScope(KeyScope.Either)]
    [McpServerTool(Name = "webhooks_delete", Title = "Delete a webhook", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Delete a webhook for good, together with its delivery history. To stop deliveries for a while, prefer webhooks_update with active:false. Works with the tenant key or a number key; a webhook outside the key-bound number is WEBHOOK_NOT_FOUND.")]
    public Task<CallToolResult> DeleteWebhook(
        [Description("Webhook id (wh_...).")] string id,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success((await client.DeleteWebhookAsync(Arguments.NotBlank(id, nameof(id)), cancellationToken)).Body));

    [KeyScope(KeyScope.Either)]
    [McpServerTool(Name = "webhook_events", Title = "List webhook delivery attempts", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Show the recent delivery attempts of a webhook, newest first: event, status SUCCESS or FAILED, the HTTP status of the receiver and (shortened) answer, duration, payload and time. Use it to find out why a receiver got nothing. A retried event appears once per attempt. Works with the tenant key or a number key.")]
    public Task<CallToolResult> WebhookEvents(
        [Description("Webhook id (wh_...).")] string id,
        [Description("How many attempts to return, 1 to 50 (default 50).")] int? limit = null,
        [Description("Only attempts of this event name, e.g. message.delivered.")] string? @event = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var webhookId = Arguments.NotBlank(id, nameof(id));
            var count = Arguments.InRange(limit, 1, 50, nameof(limit));
            var filter = Optional(@event);
            if (filter is not null && !WebhookEventNames.All.Contains(filter))
            {
                throw new ToolArgumentException("event", $"Unknown event '{filter}'. Known events: {string.Join(", ", WebhookEventNames.Selectable.Concat(WebhookEventNames.StarOnly))}.");
            }

            return ToolResults.Success((await client.WebhookLogsAsync(webhookId, count, filter, cancellationToken)).Body);
        });

    private static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The vendor only delivers to HTTPS; plain http is let through for loopback receivers, which only a local twin can reach.</summary>
    private static string WebhookUrl(string? value, string parameter)
    {
        var text = Arguments.NotBlank(value, parameter);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must be an absolute https:// URL; got '{text}'.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must use https (plain http is accepted only for localhost); got '{text}'.");
        }

        return text;
    }

    private static List<string> EventList(string[] events, string parameter)
    {
        var selected = new List<string>();
        foreach (var raw in events)
        {
            var name = raw?.Trim() ?? "";
            if (name == WebhookEventNames.Everything)
            {
                // "*" covers everything, so whatever else was listed adds nothing.
            }
            else if (WebhookEventNames.StarOnly.Contains(name))
            {
                throw new ToolArgumentException(parameter, $"'{name}' cannot be subscribed to on its own; it is delivered only to webhooks with \"*\".");
            }
            else if (!WebhookEventNames.All.Contains(name))
            {
                throw new ToolArgumentException(parameter, $"Unknown event '{name}'. Use \"*\" or names from: {string.Join(", ", WebhookEventNames.Selectable)}.");
            }

            if (!selected.Contains(name, StringComparer.Ordinal))
            {
                selected.Add(name);
            }
        }

        return selected;
    }
}

/// <summary>The vendor's webhook event catalogue.</summary>
internal static class WebhookEventNames
{
    public const string Everything = "*";

    /// <summary>Events that only a <c>"*"</c> subscription receives.</summary>
    public static readonly IReadOnlySet<string> StarOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "number.recovered", "number.health_blocked", "number.health_degraded", "number.health_shadowban",
    };

    public static readonly IReadOnlyList<string> Selectable =
    [
        "message.sent", "message.delivered", "message.read", "message.failed",
        "message.received", "message.reply", "message.group", "message.newsletter",
        "number.created", "number.connected", "number.disconnected", "number.removed",
        "call.ringing", "call.connected", "call.ended", "call.missed", "call.permission_updated", "calls",
    ];

    public static readonly IReadOnlySet<string> All = new HashSet<string>([.. Selectable, .. StarOnly], StringComparer.Ordinal);
}
