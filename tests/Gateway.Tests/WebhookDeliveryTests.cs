using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests;

/// <summary>
/// Webhooks registered through the gateway receive real, signed HTTP deliveries from the sandbox twin on a
/// loopback receiver. The twin runs on a manual clock: the test decides when a message moves on and when a retry
/// is due; only the HTTP hops take real (short) time.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_template_once_approved_is_sent_and_reaches_the_receiver_as_signed_sent_and_delivered_events()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var receiver = await Receiver.StartAsync();
        await using var host = await GatewayHost.StartAsync(sandboxTime: time);
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var webhookId = Id(await Call(client, "webhooks_create", new()
        {
            ["url"] = receiver.Url("/hooks/store").ToString(),
            ["events"] = new[] { "message.sent", "message.delivered" },
        }));
        var created = await Call(client, "templates_create", new()
        {
            ["name"] = "shipping_notice",
            ["category"] = "UTILITY",
            ["language"] = "en_US",
            ["body"] = new Dictionary<string, object?> { ["body"] = new Dictionary<string, object?> { ["text"] = "Hi {{name}}, order {{order}} has shipped." } },
            ["examples"] = new Dictionary<string, string> { ["name"] = "Rita", ["order"] = "B-7" },
        });
        Assert.Equal("PENDING", created.GetProperty("metaStatus").GetString());
        time.Advance(Serverless.Sandbox.PilotStatus.MessageTemplate.ReviewDelay + TimeSpan.FromSeconds(1));
        var approved = await Call(client, "templates_get", new() { ["id"] = "shipping_notice" });
        Assert.Equal("APPROVED", approved.GetProperty("metaStatus").GetString());

        var messageId = Id(await Call(client, "messages_send", new()
        {
            ["destinationNumber"] = "+5511955550000",
            ["templateId"] = "shipping_notice",
            ["variables"] = new Dictionary<string, string> { ["name"] = "Rita", ["order"] = "B-7" },
        }));

        time.Advance(TimeSpan.FromSeconds(1.5));
        var sent = await receiver.WaitForAsync(r => r.Event == "message.sent");
        time.Advance(TimeSpan.FromSeconds(2));
        var delivered = await receiver.WaitForAsync(r => r.Event == "message.delivered");

        var secret = host.Sandbox.State.PilotStatus.Webhooks.GetWebhookSecret(webhookId);
        Assert.Equal("whsec_sandbox_" + webhookId, secret);
        foreach (var (request, name, status) in new[] { (sent, "message.sent", "SENT"), (delivered, "message.delivered", "DELIVERED") })
        {
            Assert.Equal("/hooks/store", request.Path);
            Assert.Equal("application/json", request.Header("Content-Type")?.Split(';')[0]);
            Assert.Equal(webhookId, request.Header("X-PilotStatus-Webhook"));
            Assert.Equal(Hmac(secret!, request.Header("X-PilotStatus-Timestamp")!, request.Body), request.Header("X-PilotStatus-Signature"));
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            Assert.InRange(long.Parse(request.Header("X-PilotStatus-Timestamp")!, System.Globalization.CultureInfo.InvariantCulture), now - 5, now);

            var root = request.Json;
            Assert.Equal(name, root.GetProperty("event").GetString());
            var data = root.GetProperty("data");
            Assert.Equal(messageId, data.GetProperty("internalMessageId").GetString());
            Assert.StartsWith("wamid.", data.GetProperty("messageId").GetString());
            Assert.StartsWith("evt_", data.GetProperty("id").GetString());
            Assert.Equal(status, data.GetProperty("status").GetString());
            Assert.Equal("+5511955550000", data.GetProperty("to").GetString());
            Assert.Equal("+5511900000001", data.GetProperty("from").GetString());
            Assert.EndsWith("Z", data.GetProperty("createdAt").GetString());
        }

        Assert.Equal(sent.Json.GetProperty("data").GetProperty("messageId").GetString(), delivered.Json.GetProperty("data").GetProperty("messageId").GetString());
        Assert.NotEqual(sent.Json.GetProperty("data").GetProperty("id").GetString(), delivered.Json.GetProperty("data").GetProperty("id").GetString());

        var message = await Call(client, "message_get", new() { ["messageId"] = messageId });
        Assert.Equal("DELIVERED", message.GetProperty("status").GetString());

        var conversations = await Call(client, "conversations_list", new());
        var top = conversations.GetProperty("conversations")[0];
        Assert.Equal("+5511955550000", top.GetProperty("from").GetString());

        // Exactly one delivery per transition, however often the clock is read.
        time.Advance(TimeSpan.FromSeconds(30));
        await Call(client, "message_get", new() { ["messageId"] = messageId });
        await Eventually(() => host.Sandbox.State.PilotStatus.Webhooks.GetPendingDeliveryCount() == 0);
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_on_the_sandbox_clock_and_every_attempt_is_logged()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var receiver = await Receiver.StartAsync();
        receiver.Answer("/flaky", 500);
        await using var host = await GatewayHost.StartAsync(sandboxTime: time);
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var webhookId = Id(await Call(client, "webhooks_create", new()
        {
            ["url"] = receiver.Url("/flaky").ToString(),
            ["events"] = new[] { "message.sent" },
        }));
        await Call(client, "messages_send", new()
        {
            ["destinationNumber"] = "+5511988887777",
            ["templateId"] = "order_update",
            ["variables"] = new Dictionary<string, string> { ["name"] = "Ana", ["order"] = "A-1" },
        });

        time.Advance(TimeSpan.FromSeconds(1.5));
        var first = await receiver.WaitForAsync(_ => true);
        await Eventually(() => host.Sandbox.State.PilotStatus.Webhooks.GetWebhookLogs(webhookId).Count == 1);

        // The first retry waits 1 s of sandbox time: half of it is not enough, however long we wait in real time.
        time.Advance(TimeSpan.FromSeconds(0.5));
        await Task.Delay(TimeSpan.FromMilliseconds(1300), Ct);
        Assert.Single(receiver.Requests);

        time.Advance(TimeSpan.FromSeconds(0.6));
        var second = await receiver.WaitForAsync(r => !ReferenceEquals(r, first));
        await Eventually(() => host.Sandbox.State.PilotStatus.Webhooks.GetWebhookLogs(webhookId).Count == 2);

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Header("X-PilotStatus-Delivery"), second.Header("X-PilotStatus-Delivery"));

        var logs = (await Call(client, "webhook_events", new() { ["id"] = webhookId })).GetProperty("logs");
        Assert.Equal(2, logs.GetArrayLength());
        var (latest, earliest) = (logs[0], logs[1]);
        Assert.Equal("SUCCESS", latest.GetProperty("status").GetString());
        Assert.Equal(200, latest.GetProperty("statusCode").GetInt32());
        Assert.Equal(2, latest.GetProperty("attempt").GetInt32());
        Assert.Equal("FAILED", earliest.GetProperty("status").GetString());
        Assert.Equal(500, earliest.GetProperty("statusCode").GetInt32());
        Assert.Equal("boom", earliest.GetProperty("response").GetString());
        Assert.Equal(1, earliest.GetProperty("attempt").GetInt32());
        foreach (var log in logs.EnumerateArray())
        {
            Assert.Equal("message.sent", log.GetProperty("event").GetString());
            Assert.Equal("message.sent", log.GetProperty("payload").GetProperty("event").GetString());
            Assert.True(log.GetProperty("durationMs").GetInt64() >= 0);
        }

        Assert.True(DateTimeOffset.Parse(latest.GetProperty("createdAt").GetString()!) - DateTimeOffset.Parse(earliest.GetProperty("createdAt").GetString()!) >= TimeSpan.FromSeconds(1));
        var filtered = (await Call(client, "webhook_events", new() { ["id"] = webhookId, ["limit"] = 1, ["event"] = "message.sent" })).GetProperty("logs");
        Assert.Equal("SUCCESS", Assert.Single(filtered.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_gets_four_attempts_and_then_is_left_alone()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var receiver = await Receiver.StartAsync();
        receiver.Answer("/down", 503, 503, 503, 503, 503);
        await using var host = await GatewayHost.StartAsync(sandboxTime: time);
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var webhookId = Id(await Call(client, "webhooks_create", new() { ["url"] = receiver.Url("/down").ToString(), ["events"] = new[] { "message.sent" } }));
        await Call(client, "messages_send", new() { ["destinationNumber"] = "+5511988887777", ["templateId"] = "order_update", ["variables"] = new Dictionary<string, string> { ["name"] = "Ana", ["order"] = "A-1" } });

        time.Advance(TimeSpan.FromSeconds(1.5));
        foreach (var (attempts, wait) in new[] { (1, 1), (2, 2), (3, 4) })
        {
            await Eventually(() => host.Sandbox.State.PilotStatus.Webhooks.GetWebhookLogs(webhookId).Count == attempts);
            time.Advance(TimeSpan.FromSeconds(wait));
        }

        await Eventually(() => host.Sandbox.State.PilotStatus.Webhooks.GetWebhookLogs(webhookId).Count == 4);
        await Eventually(() => host.Sandbox.State.PilotStatus.Webhooks.GetPendingDeliveryCount() == 0);
        time.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(TimeSpan.FromMilliseconds(600), Ct);
        Assert.Equal(4, receiver.Requests.Count);
        Assert.All(host.Sandbox.State.PilotStatus.Webhooks.GetWebhookLogs(webhookId), l => Assert.Equal("FAILED", l.Status));
    }

    [Fact]
    public async Task A_webhook_with_no_events_receives_nothing_while_a_star_webhook_gets_everything()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var receiver = await Receiver.StartAsync();
        await using var host = await GatewayHost.StartAsync(sandboxTime: time);
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var empty = await Call(client, "webhooks_create", new() { ["url"] = receiver.Url("/empty").ToString(), ["events"] = Array.Empty<string>() });
        Assert.Contains("nothing will be delivered", empty.GetProperty("_note").GetString());
        var omitted = await Call(client, "webhooks_create", new() { ["url"] = receiver.Url("/omitted").ToString() });
        Assert.Empty(omitted.GetProperty("events").EnumerateArray());
        await Call(client, "webhooks_create", new() { ["url"] = receiver.Url("/all").ToString(), ["events"] = new[] { "*" } });
        await Call(client, "messages_send", new() { ["destinationNumber"] = "+5511955550000", ["templateId"] = "order_update", ["variables"] = new Dictionary<string, string> { ["name"] = "Rita", ["order"] = "B-7" } });

        time.Advance(TimeSpan.FromSeconds(4));
        await receiver.WaitForAsync(r => r.Path == "/all" && r.Event == "message.delivered");
        await Eventually(() => host.Sandbox.State.PilotStatus.Webhooks.GetPendingDeliveryCount() == 0);

        Assert.All(receiver.Requests, r => Assert.Equal("/all", r.Path));
        Assert.Equal(["message.sent", "message.delivered"], receiver.Requests.Select(r => r.Event));
        Assert.Empty(host.Sandbox.State.PilotStatus.Webhooks.GetWebhookLogs(Id(empty)));
    }

    [Fact]
    public async Task A_paused_webhook_gets_nothing_until_it_is_resumed()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var receiver = await Receiver.StartAsync();
        await using var host = await GatewayHost.StartAsync(sandboxTime: time);
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var webhookId = Id(await Call(client, "webhooks_create", new() { ["url"] = receiver.Url("/p").ToString(), ["events"] = new[] { "message.sent", "message.delivered" } }));
        await Call(client, "webhooks_update", new() { ["id"] = webhookId, ["active"] = false });
        await Call(client, "messages_send", new() { ["destinationNumber"] = "+5511955550000", ["templateId"] = "order_update", ["variables"] = new Dictionary<string, string> { ["name"] = "Rita", ["order"] = "B-7" } });

        time.Advance(TimeSpan.FromSeconds(1.5));
        await Eventually(() => host.Sandbox.State.PilotStatus.Webhooks.GetPublishedEvents().Any(e => e.Event == "message.sent"));
        await Call(client, "webhooks_update", new() { ["id"] = webhookId, ["active"] = true });
        time.Advance(TimeSpan.FromSeconds(2));

        var delivered = await receiver.WaitForAsync(r => r.Event == "message.delivered");
        Assert.Same(delivered, Assert.Single(receiver.Requests));
    }

    private static async Task<JsonElement> Call(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Ct);
        Assert.True(result.IsError is not true, $"{tool}: " + string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text)));
        return result.StructuredContent!.Value;
    }

    private static string Id(JsonElement result) => result.GetProperty("id").GetString()!;

    /// <summary>Recomputed here rather than through the sandbox's own helper, so a wrong scheme cannot verify itself.</summary>
    private static string Hmac(string secret, string timestamp, string body)
        => "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body))).ToLowerInvariant();

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(25, Ct);
        }
    }

    internal sealed record ReceivedRequest(string Path, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public string? Event => Header("X-PilotStatus-Event");

        public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
    }

    /// <summary>A loopback HTTP endpoint that records every POST and answers with scripted statuses (then 200).</summary>
    internal sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _script = new();
        private readonly SemaphoreSlim _arrived = new(0);

        private Receiver(WebApplication app) => _app = app;

        public Uri BaseAddress { get; private set; } = null!;

        public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

        public Uri Url(string path) => new(BaseAddress, path);

        public void Answer(string path, params int[] statuses) => _script[path] = new ConcurrentQueue<int>(statuses);

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/{**path}", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                var path = http.Request.Path.Value!;
                receiver._requests.Enqueue(new ReceivedRequest(path, body, headers));
                receiver._arrived.Release();
                var status = receiver._script.TryGetValue(path, out var queue) && queue.TryDequeue(out var scripted) ? scripted : 200;
                http.Response.StatusCode = status;
                await http.Response.WriteAsync(status == 200 ? "ok" : "boom");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
            return receiver;
        }

        public async Task<ReceivedRequest> WaitForAsync(Func<ReceivedRequest, bool> match)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (true)
            {
                if (_requests.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                var left = deadline - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero, "the receiver got no matching delivery in time; got: "
                    + string.Join(", ", _requests.Select(r => $"{r.Path} {r.Event}")));
                await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200), Ct);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _arrived.Dispose();
        }
    }
}
