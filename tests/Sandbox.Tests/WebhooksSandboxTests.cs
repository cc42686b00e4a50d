using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox.Tests;

/// <summary>The twin's webhook management, the events it raises and its sandbox-only inbound control, over plain HTTP.</summary>
public sealed class WebhooksSandboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string[]> WebhookIds(HttpClient http)
        => [.. (await http.GetFromJsonAsync<JsonElement>("v1/webhooks", Ct)).EnumerateArray().Select(w => w.GetProperty("id").GetString()!)];

    private static async Task AssertError(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Number_keys_see_only_their_numbers_webhooks_and_the_tenant_key_sees_all_unless_it_names_a_number()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        using var support = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);
        using var tenantOnSupport = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey, PilotStatusSeed.NumberId2);

        var created = await tenant.PostAsJsonAsync("v1/webhooks", new { url = "https://hooks.example.com/support", events = new[] { "*" }, whatsappNumberId = PilotStatusSeed.NumberId2 }, Ct);
        Assert.Equal(201, (int)created.StatusCode);
        var supportHook = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;

        Assert.Equal([WebhookSeed.StoreWebhookId], await WebhookIds(store));
        Assert.Equal([supportHook], await WebhookIds(support));
        Assert.Equal([supportHook], await WebhookIds(tenantOnSupport));
        Assert.Equal(new[] { WebhookSeed.StoreWebhookId, supportHook }.Order(), (await WebhookIds(tenant)).Order());

        await AssertError(await support.GetAsync($"v1/webhooks/{WebhookSeed.StoreWebhookId}", Ct), 404, "WEBHOOK_NOT_FOUND");
        await AssertError(await tenantOnSupport.GetAsync($"v1/webhooks/{WebhookSeed.StoreWebhookId}/logs", Ct), 404, "WEBHOOK_NOT_FOUND");
        await AssertError(await support.DeleteAsync($"v1/webhooks/{WebhookSeed.StoreWebhookId}", Ct), 404, "WEBHOOK_NOT_FOUND");
        Assert.Equal(200, (int)(await tenant.GetAsync($"v1/webhooks/{WebhookSeed.StoreWebhookId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Creation_enforces_the_number_rules_and_the_url_rules()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        await AssertError(await store.PostAsJsonAsync("v1/webhooks", new { url = "https://a.example.com/x", whatsappNumberId = PilotStatusSeed.NumberId2 }, Ct), 400, "NUMBER_MISMATCH");
        await AssertError(await tenant.PostAsJsonAsync("v1/webhooks", new { url = "https://a.example.com/x" }, Ct), 400, "NUMBER_REQUIRED");
        await AssertError(await tenant.PostAsJsonAsync("v1/webhooks", new { url = "https://a.example.com/x", whatsappNumberId = "num_other_tenant" }, Ct), 404, "NUMBER_NOT_FOUND");
        await AssertError(await store.PostAsJsonAsync("v1/webhooks", new { url = "http://a.example.com/x" }, Ct), 400, "VALIDATION_ERROR");
        await AssertError(await store.PostAsJsonAsync("v1/webhooks", new { url = "https://a.example.com/x", events = new[] { "message.opened" } }, Ct), 400, "VALIDATION_ERROR");
        await AssertError(await store.PostAsJsonAsync("v1/webhooks", new { events = new[] { "*" } }, Ct), 400, "VALIDATION_ERROR");

        var local = await store.PostAsJsonAsync("v1/webhooks", new { url = "http://127.0.0.1:9/hook", events = new[] { "message.received", "message.group", "call.ended" } }, Ct);
        Assert.Equal(201, (int)local.StatusCode);
        var body = await local.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("127.0.0.1", body.GetProperty("name").GetString());
        Assert.Equal(PilotStatusSeed.NumberId1, Assert.Single(body.GetProperty("whatsappNumberIds").EnumerateArray()).GetString());
        Assert.Equal("LIVE", body.GetProperty("environment").GetString());
        Assert.True(body.GetProperty("active").GetBoolean());
        // Number 1 is a Meta number: it has no groups, so that subscription is dropped silently.
        Assert.Equal(["message.received", "call.ended"], body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("secret", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Update_replaces_the_event_list_and_delete_removes_the_webhook_and_its_logs()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        var path = $"v1/webhooks/{WebhookSeed.StoreWebhookId}";

        var patched = await store.PatchAsJsonAsync(path, new { events = new[] { "message.failed" }, active = true, name = "Orders v2" }, Ct);
        Assert.Equal(200, (int)patched.StatusCode);
        var body = await patched.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("message.failed", Assert.Single(body.GetProperty("events").EnumerateArray()).GetString());
        Assert.Equal("Orders v2", body.GetProperty("name").GetString());
        Assert.Equal(WebhookSeed.StoreWebhookUrl, body.GetProperty("url").GetString());
        Assert.True(body.GetProperty("active").GetBoolean());

        var logs = await store.GetFromJsonAsync<JsonElement>(path + "/logs?limit=2", Ct);
        Assert.Equal(["whl_sandbox_3", "whl_sandbox_2"], logs.GetProperty("logs").EnumerateArray().Select(l => l.GetProperty("id").GetString()));
        await AssertError(await store.GetAsync(path + "/logs?limit=51", Ct), 400, "VALIDATION_ERROR");

        Assert.Equal(200, (int)(await store.DeleteAsync(path, Ct)).StatusCode);
        await AssertError(await store.GetAsync(path + "/logs", Ct), 404, "WEBHOOK_NOT_FOUND");
        Assert.Empty(sandbox.State.PilotStatus.Webhooks.GetWebhookLogs(WebhookSeed.StoreWebhookId));
    }

    [Fact]
    public async Task Each_lifecycle_step_is_published_once_and_a_contact_with_read_receipts_reads_the_message()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        var ana = await Send(store, PilotStatusSeed.ContactAnaPhone, PilotStatusSeed.TemplateOrderUpdateName);
        var bruno = await Send(store, PilotStatusSeed.ContactBrunoPhone, PilotStatusSeed.TemplateOrderUpdateName);

        for (var i = 0; i < 10; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await store.GetAsync($"v1/messages/{ana}", Ct);
            await store.GetAsync($"v1/messages/{ana}", Ct);
        }

        var anaMessage = await store.GetFromJsonAsync<JsonElement>($"v1/messages/{ana}", Ct);
        Assert.Equal("READ", anaMessage.GetProperty("status").GetString());
        Assert.Equal("DELIVERED", (await store.GetFromJsonAsync<JsonElement>($"v1/messages/{bruno}", Ct)).GetProperty("status").GetString());
        Assert.Equal(["message.sent", "message.delivered", "message.read"], EventsOf(sandbox, ana));
        Assert.Equal(["message.sent", "message.delivered"], EventsOf(sandbox, bruno));

        var read = Data(sandbox, ana, "message.read");
        Assert.Equal(anaMessage.GetProperty("externalMessageId").GetString(), read.GetProperty("messageId").GetString());
        Assert.Equal(PilotStatusSeed.NumberId1, read.GetProperty("numberId").GetString());
        Assert.Equal(
            DateTimeOffset.Parse(anaMessage.GetProperty("readAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(read.GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_failed_send_publishes_message_failed_with_its_code_and_no_provider_id()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        var id = await Send(store, PilotStatusSeed.ContactAnaPhone, PilotStatusSeed.TemplateSpringPromoName);

        time.Advance(TimeSpan.FromSeconds(5));
        await store.GetAsync($"v1/messages/{id}", Ct);
        time.Advance(TimeSpan.FromSeconds(5));
        await store.GetAsync($"v1/messages/{id}", Ct);

        Assert.Equal(["message.failed"], EventsOf(sandbox, id));
        var data = Data(sandbox, id, "message.failed");
        Assert.Equal("META_TEMPLATE_NOT_APPROVED", data.GetProperty("errorCode").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("messageId").ValueKind);
        Assert.Equal("FAILED", data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_scheduled_message_stays_silent_until_its_time_and_a_cancelled_one_forever()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        var at = time.GetUtcNow().AddMinutes(10);
        var later = await Send(store, PilotStatusSeed.ContactBrunoPhone, PilotStatusSeed.TemplateOrderUpdateName, at);
        var cancelled = await Send(store, PilotStatusSeed.ContactBrunoPhone, PilotStatusSeed.TemplateOrderUpdateName, at);
        var cancel = new HttpRequestMessage(HttpMethod.Delete, "v1/messages/cancel") { Content = JsonContent.Create(new { messageIds = new[] { cancelled } }) };
        Assert.Equal(200, (int)(await store.SendAsync(cancel, Ct)).StatusCode);

        time.Advance(TimeSpan.FromMinutes(9));
        await store.GetAsync("v1/conversations", Ct);
        Assert.Empty(EventsOf(sandbox, later));

        time.Advance(TimeSpan.FromMinutes(2));
        await store.GetAsync("v1/conversations", Ct);
        Assert.Equal(["message.sent", "message.delivered"], EventsOf(sandbox, later));
        Assert.Empty(EventsOf(sandbox, cancelled));
    }

    [Fact]
    public async Task A_simulated_inbound_message_shows_up_in_the_inbox_and_is_published()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        var unreadBefore = (await store.GetFromJsonAsync<JsonElement>("v1/messages/unread", Ct)).GetProperty("total").GetInt32();

        var posted = await store.PostAsJsonAsync("_sandbox/inbound", new { from = "+5511944440000", text = "Is the blue one in stock?", fromName = "Olga" }, Ct);

        Assert.Equal(201, (int)posted.StatusCode);
        var created = await posted.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var unread = await store.GetFromJsonAsync<JsonElement>("v1/messages/unread", Ct);
        Assert.Equal(unreadBefore + 1, unread.GetProperty("total").GetInt32());
        Assert.Equal("Is the blue one in stock?", unread.GetProperty("messages")[0].GetProperty("content").GetString());
        var top = (await store.GetFromJsonAsync<JsonElement>("v1/conversations", Ct)).GetProperty("conversations")[0];
        Assert.Equal("+5511944440000", top.GetProperty("from").GetString());
        Assert.Equal("Olga", top.GetProperty("fromName").GetString());
        Assert.Equal(1, top.GetProperty("unreadCount").GetInt32());
        Assert.Equal(created.GetProperty("conversationId").GetString(), top.GetProperty("id").GetString());

        var published = Assert.Single(sandbox.State.PilotStatus.Webhooks.GetPublishedEvents(), e => e.Event == "message.received");
        Assert.Equal(PilotStatusSeed.NumberId1, published.NumberId);
        var data = JsonDocument.Parse(published.Body).RootElement.GetProperty("data");
        Assert.Equal("+5511944440000", data.GetProperty("from").GetString());
        Assert.Equal(PilotStatusSeed.PhoneNumber1, data.GetProperty("to").GetString());
        Assert.Equal("Is the blue one in stock?", data.GetProperty("content").GetString());
        Assert.Equal("Olga", data.GetProperty("participantName").GetString());
        Assert.False(data.GetProperty("fromMe").GetBoolean());
        Assert.Equal(created.GetProperty("messageId").GetString(), data.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Group_inbound_is_a_message_group_event_and_meta_numbers_have_no_groups()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var support = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var posted = await support.PostAsJsonAsync("_sandbox/inbound", new { from = "+5531955554444", fromName = "Diego Rocha", text = "Works again, thanks", groupId = PilotStatusSeed.GroupId }, Ct);

        Assert.Equal(201, (int)posted.StatusCode);
        Assert.Equal(PilotStatusSeed.ConversationGroupId, (await posted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("conversationId").GetString());
        var group = (await support.GetFromJsonAsync<JsonElement>("v1/messages/group", Ct)).GetProperty("messages")[0];
        Assert.Equal("Works again, thanks", group.GetProperty("content").GetString());
        var published = Assert.Single(sandbox.State.PilotStatus.Webhooks.GetPublishedEvents(), e => e.Event.StartsWith("message.", StringComparison.Ordinal));
        Assert.Equal("message.group", published.Event);
        Assert.Equal(PilotStatusSeed.GroupName, JsonDocument.Parse(published.Body).RootElement.GetProperty("data").GetProperty("groupName").GetString());

        await AssertError(await store.PostAsJsonAsync("_sandbox/inbound", new { from = "+5531955554444", text = "x", groupId = PilotStatusSeed.GroupId }, Ct), 400, "NOT_SUPPORTED_FOR_META");
        await AssertError(await tenant.PostAsJsonAsync("_sandbox/inbound", new { from = "+5531955554444", text = "x" }, Ct), 400, "NUMBER_REQUIRED");
        await AssertError(await store.PostAsJsonAsync("_sandbox/inbound", new { from = "12", text = "x" }, Ct), 400, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_reply_quoting_our_message_carries_its_provider_id()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var store = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);
        var id = await Send(store, PilotStatusSeed.ContactAnaPhone, PilotStatusSeed.TemplateOrderUpdateName);
        time.Advance(TimeSpan.FromSeconds(2));
        var wamid = (await store.GetFromJsonAsync<JsonElement>($"v1/messages/{id}", Ct)).GetProperty("externalMessageId").GetString();

        var received = sandbox.State.PilotStatus.Inbound.SimulateInbound(PilotStatusSeed.NumberId1, PilotStatusSeed.ContactAnaPhone, "Thanks!", quotedMessageId: id);

        Assert.Equal(["message.received", "message.reply"], received.Events);
        Assert.Equal(PilotStatusSeed.ConversationAnaId, received.ConversationId);
        var reply = JsonDocument.Parse(Assert.Single(sandbox.State.PilotStatus.Webhooks.GetPublishedEvents(), e => e.Event == "message.reply").Body).RootElement;
        Assert.Equal("message.reply", reply.GetProperty("event").GetString());
        Assert.Equal(wamid, reply.GetProperty("data").GetProperty("quotedMessageId").GetString());
        Assert.Equal("Ana Souza", reply.GetProperty("data").GetProperty("participantName").GetString());
        Assert.Throws<ArgumentException>(() => sandbox.State.PilotStatus.Inbound.SimulateInbound("num_missing", PilotStatusSeed.ContactAnaPhone, "x"));
    }

    private static async Task<string> Send(HttpClient http, string to, string template, DateTimeOffset? deliverAt = null)
    {
        var response = await http.PostAsJsonAsync("v1/messages/send", new
        {
            destinationNumber = to,
            templateId = template,
            variables = new { name = "Ana", order = "A-1" },
            deliverAt = deliverAt?.ToString("O"),
        }, Ct);
        Assert.Equal(202, (int)response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
    }

    private static string[] EventsOf(SandboxServer sandbox, string messageId)
        => [.. sandbox.State.PilotStatus.Webhooks.GetPublishedEvents()
            .Where(e => JsonDocument.Parse(e.Body).RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("internalMessageId", out var id) && id.GetString() == messageId)
            .Select(e => e.Event)];

    private static JsonElement Data(SandboxServer sandbox, string messageId, string eventName)
        => JsonDocument.Parse(Assert.Single(sandbox.State.PilotStatus.Webhooks.GetPublishedEvents(),
                e => e.Event == eventName && e.Body.Contains(messageId, StringComparison.Ordinal)).Body)
            .RootElement.GetProperty("data").Clone();
}
