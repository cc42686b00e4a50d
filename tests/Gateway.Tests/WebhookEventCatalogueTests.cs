using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;
using static Serverless.Gateway.Tests.WebhookDeliveryTests;

namespace Serverless.Gateway.Tests;

/// <summary>
/// Every event of the vendor's webhook catalogue, raised by what happens in the twin (sends, replies, group and
/// channel posts, health checks, reconnection, removal, calls, call permissions) and delivered over HTTP to
/// webhooks registered through the gateway. <c>number.created</c> is the one exception: a webhook belongs to a
/// number, so none can exist before the number does.
/// </summary>
public sealed class WebhookEventCatalogueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Deliverable =
    [
        "message.sent", "message.delivered", "message.read", "message.failed",
        "message.received", "message.reply", "message.group", "message.newsletter",
        "number.connected", "number.disconnected", "number.removed", "number.recovered",
        "number.health_blocked", "number.health_degraded", "number.health_shadowban",
        "call.ringing", "call.connected", "call.ended", "call.missed", "call.permission_updated", "calls",
    ];

    [Fact]
    public async Task Every_catalogue_event_reaches_a_star_webhook()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var receiver = await Receiver.StartAsync();
        await using var host = await GatewayHost.StartAsync(sandboxTime: time);
        await using var meta = await host.ConnectAsync("/mcp", Credentials.Both);
        await using var qr = await host.ConnectAsync("/mcp", Credentials.Both.With("x-api-key", SandboxCredentials.PilotStatusNumberKey2));
        using var sandbox = new HttpClient { BaseAddress = new Uri(host.Sandbox.PilotStatusBaseUrl + "/") };

        await OkAsync(meta, "webhooks_create", new() { ["url"] = receiver.Url("/meta").ToString(), ["events"] = new[] { "*" } });
        await OkAsync(qr, "webhooks_create", new() { ["url"] = receiver.Url("/qr").ToString(), ["events"] = new[] { "*" } });

        // Messages: a template to Ana (who sends read receipts), free text to Bruno outside the 24-hour window.
        var sent = await OkAsync(meta, "messages_send", new()
        {
            ["destinationNumber"] = PilotStatusSeed.ContactAnaPhone,
            ["templateId"] = "order_update",
            ["variables"] = new Dictionary<string, string> { ["name"] = "Ana", ["order"] = "A-1" },
        });
        await OkAsync(meta, "messages_send", new() { ["destinationNumber"] = PilotStatusSeed.ContactBrunoPhone, ["text"] = "hello" });

        // Contacts writing back, in a group and in a channel.
        await ControlAsync(sandbox, SandboxCredentials.PilotStatusNumberKey1, "inbound", new { from = PilotStatusSeed.ContactAnaPhone, text = "Thanks!", quotedMessageId = sent.GetProperty("id").GetString() });
        await ControlAsync(sandbox, SandboxCredentials.PilotStatusNumberKey2, "inbound", new { from = "+5531955554444", text = "Hi all", groupId = "120363000000000001@g.us" });
        await ControlAsync(sandbox, SandboxCredentials.PilotStatusNumberKey2, "inbound", new { from = "+5531955554444", text = "News", newsletterId = "120363000000000101@newsletter" });

        // Health checks on the QR number, then a reconnection.
        foreach (var status in new[] { "BLOCKED", "DEGRADED", "SHADOWBAN", "RECOVERED", "DISCONNECTED" })
        {
            await ControlAsync(sandbox, SandboxCredentials.PilotStatusNumberKey2, "number-status", new { status });
        }

        await OkAsync(qr, "numbers_connect", new() { ["id"] = PilotStatusSeed.NumberId2 });

        // Calls on the Meta number: one placed and hung up, the seeded one nobody answers, a permission request.
        var call = await OkAsync(meta, "call_initiate", new() { ["to"] = CallsSeed.PermittedContactPhone, ["sdp"] = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=setup:active\r\n" });
        await OkAsync(meta, "call_permission_request", new() { ["to"] = CallsSeed.UnpermittedContactPhone });

        for (var second = 0; second < 50; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20, Ct);
            if (second == 6)
            {
                await OkAsync(meta, "call_terminate", new() { ["callId"] = call.GetProperty("id").GetString() });
            }
        }

        await OkAsync(qr, "numbers_delete", new() { ["id"] = PilotStatusSeed.NumberId2 });
        time.Advance(TimeSpan.FromSeconds(1));

        var missing = Deliverable;
        for (var attempt = 0; attempt < 200 && missing.Length > 0; attempt++)
        {
            await Task.Delay(50, Ct);
            var seen = receiver.Requests.Select(r => r.Event).ToHashSet(StringComparer.Ordinal);
            missing = [.. Deliverable.Where(e => !seen.Contains(e))];
        }

        Assert.True(missing.Length == 0, "not delivered: " + string.Join(", ", missing));
        var raw = receiver.Requests.First(r => r.Event == "calls").Json;
        Assert.Equal("calls", raw.GetProperty("entry")[0].GetProperty("changes")[0].GetProperty("field").GetString());
        Assert.All(receiver.Requests.Where(r => r.Event!.StartsWith("number.", StringComparison.Ordinal)), r => Assert.Equal("/qr", r.Path));
    }

    private static async Task<JsonElement> OkAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var result = await client.CallToolAsync(tool, arguments, cancellationToken: Ct);
        Assert.True(result.IsError is not true, $"{tool}: {string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text))}");
        return result.StructuredContent!.Value;
    }

    private static async Task ControlAsync(HttpClient sandbox, string key, string control, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "_sandbox/" + control) { Content = JsonContent.Create(body) };
        request.Headers.Add("x-api-key", key);
        using var response = await sandbox.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{control}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
