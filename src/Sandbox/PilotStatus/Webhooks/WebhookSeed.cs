namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// The demo webhook: a paused subscription of number 1 with a short delivery history (one event that needed a
/// retry), so <c>webhook_events</c> has something to show. Its URL is on a reserved documentation domain, so even
/// when resumed the twin records failed attempts instead of calling anyone.
/// </summary>
public static class WebhookSeed
{
    public const string StoreWebhookId = "wh_sandbox_store";
    public const string StoreWebhookName = "Order system";
    public const string StoreWebhookUrl = "https://hooks.example.com/pilotstatus/store";

    public static IReadOnlyList<string> StoreWebhookEvents { get; } =
    [
        WebhookEvents.MessageSent, WebhookEvents.MessageDelivered, WebhookEvents.MessageRead,
        WebhookEvents.MessageFailed, WebhookEvents.MessageReceived,
    ];

    internal static void Populate(PilotStatusState state, DateTimeOffset now)
    {
        var webhook = new Webhook
        {
            Id = StoreWebhookId,
            TenantId = PilotStatusSeed.TenantId,
            NumberId = PilotStatusSeed.NumberId1,
            Name = StoreWebhookName,
            Url = StoreWebhookUrl,
            Active = false,
            Events = StoreWebhookEvents,
            Secret = Webhook.SecretFor(StoreWebhookId),
            CreatedAt = now.AddDays(-30),
            UpdatedAt = now.AddHours(-1),
        };

        // The same moments as the seeded inbox: Ana wrote twice about two hours ago.
        var first = now.AddHours(-2);
        var second = first.AddMinutes(3);
        var firstBody = Received("evt_sandbox_ana_2", "wamid.SANDBOX.ANA.2", "Hi! Has my order #1234 shipped yet?", first);
        var secondBody = Received("evt_sandbox_ana_3", "wamid.SANDBOX.ANA.3", "Also, can I still change the delivery address?", second);
        webhook.AddLog(new WebhookDeliveryLog("whl_sandbox_1", StoreWebhookId, "dlv_sandbox_ana_2", WebhookEvents.MessageReceived,
            WebhookDeliveryStatuses.Failed, 503, firstBody, "Service Unavailable", 212, 1, first));
        webhook.AddLog(new WebhookDeliveryLog("whl_sandbox_2", StoreWebhookId, "dlv_sandbox_ana_2", WebhookEvents.MessageReceived,
            WebhookDeliveryStatuses.Success, 200, firstBody, "{\"ok\":true}", 48, 2, first.AddSeconds(1)));
        webhook.AddLog(new WebhookDeliveryLog("whl_sandbox_3", StoreWebhookId, "dlv_sandbox_ana_3", WebhookEvents.MessageReceived,
            WebhookDeliveryStatuses.Success, 200, secondBody, "{\"ok\":true}", 51, 1, second));
        webhook.LastTriggered = second;
        state.Webhooks.WebhookList.Add(webhook);
    }

    private static string Received(string eventId, string providerId, string text, DateTimeOffset at)
        => WebhookPayloads.Envelope(WebhookEvents.MessageReceived, new JsonObject
        {
            ["id"] = eventId,
            ["messageId"] = providerId,
            ["numberId"] = PilotStatusSeed.NumberId1,
            ["from"] = PilotStatusSeed.ContactAnaPhone,
            ["to"] = PilotStatusSeed.PhoneNumber1,
            ["type"] = "text",
            ["fromMe"] = false,
            ["content"] = text,
            ["participantName"] = "Ana Souza",
            ["createdAt"] = WebhookPayloads.Instant(at),
        }).ToJsonString(SandboxJson.Options);
}
