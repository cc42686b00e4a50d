using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox.Tests;

/// <summary>The voice-call twin: lifecycles on the clock, permissions, Meta-only access, and the call.* events.</summary>
public sealed class CallsSandboxTests
{
    private const string Offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=setup:active\r\n";

    private static HttpClient PilotStatus(SandboxServer sandbox, string key = SandboxCredentials.PilotStatusNumberKey1) => SandboxClients.PilotStatus(sandbox, key);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string?> StatusAsync(HttpClient http, string callId)
        => (await http.GetFromJsonAsync<JsonElement>($"v1/calls/{callId}")).GetProperty("status").GetString();

    private static string[] EventsOf(SandboxServer sandbox, string callId)
        => sandbox.State.PilotStatus.Calls.GetCallEvents().Where(e => e.Payload["callId"]?.GetValue<string>() == callId).Select(e => e.Event).ToArray();

    [Fact]
    public async Task An_outbound_call_rings_connects_and_ends_when_terminated()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = PilotStatus(sandbox);

        var started = await http.PostAsJsonAsync("v1/calls", new { to = CallsSeed.PermittedContactPhone, sdp = Offer, bizOpaqueCallbackData = "ticket-7" });
        Assert.Equal(201, (int)started.StatusCode);
        var id = (await JsonAsync(started)).GetProperty("id").GetString()!;

        Assert.Equal("INITIATED", await StatusAsync(http, id));
        time.Advance(VoiceCall.RingDelay);
        Assert.Equal("RINGING", await StatusAsync(http, id));
        time.Advance(VoiceCall.AnswerDelay - VoiceCall.RingDelay);
        Assert.Equal("ACCEPTED", await StatusAsync(http, id));
        time.Advance(TimeSpan.FromSeconds(30));

        var ended = await JsonAsync(await http.PostAsync($"v1/calls/{id}/terminate", null));
        Assert.Equal("COMPLETED", ended.GetProperty("status").GetString());
        Assert.True(ended.GetProperty("success").GetBoolean());
        var call = await http.GetFromJsonAsync<JsonElement>($"v1/calls/{id}");
        Assert.Equal(30, call.GetProperty("durationSeconds").GetInt32());
        Assert.Equal("OUTBOUND", call.GetProperty("direction").GetString());
        Assert.Equal("5511977776666", call.GetProperty("peerNumber").GetString());

        Assert.Equal(new[] { "call.ringing", "call.connected", "call.ended" }, EventsOf(sandbox, id));
        var end = sandbox.State.PilotStatus.Calls.GetCallEvents().Last(e => e.Event == "call.ended").Payload;
        Assert.Null(end["data"]);
        Assert.Equal("call.ended", end["event"]!.GetValue<string>());
        Assert.Equal("COMPLETED", end["status"]!.GetValue<string>());
        Assert.Equal(30, end["durationSeconds"]!.GetValue<int>());
        Assert.Equal("ticket-7", end["bizOpaqueCallbackData"]!.GetValue<string>());
        Assert.Equal(CallsSeed.PermittedContactPhone, end["to"]!.GetValue<string>());
        Assert.Equal(PilotStatusSeed.NumberId1, sandbox.State.PilotStatus.Calls.GetCallEvents().Last().NumberId);
    }

    [Fact]
    public async Task An_answered_call_ends_by_itself_when_the_contact_hangs_up()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = PilotStatus(sandbox);
        var id = (await JsonAsync(await http.PostAsJsonAsync("v1/calls", new { to = CallsSeed.PermittedContactPhone, sdp = Offer }))).GetProperty("id").GetString()!;

        time.Advance(VoiceCall.AnswerDelay + VoiceCall.TalkTime);
        var call = await http.GetFromJsonAsync<JsonElement>($"v1/calls/{id}?includeSdp=1");

        Assert.Equal("COMPLETED", call.GetProperty("status").GetString());
        Assert.Equal((int)VoiceCall.TalkTime.TotalSeconds, call.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(Offer, call.GetProperty("sdpOffer").GetString());
        Assert.StartsWith("v=0", call.GetProperty("sdpAnswer").GetString());
        Assert.Equal(new[] { "call.ringing", "call.connected", "call.ended" }, EventsOf(sandbox, id));
    }

    [Fact]
    public async Task The_ringing_inbound_call_can_be_read_with_its_offer_and_accepted()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = PilotStatus(sandbox);

        var plain = await http.GetFromJsonAsync<JsonElement>($"v1/calls/{CallsSeed.RingingCallId}");
        var withSdp = await http.GetFromJsonAsync<JsonElement>($"v1/calls/{CallsSeed.RingingCallId}?includeSdp=1");
        var noAnswer = await http.PostAsJsonAsync($"v1/calls/{CallsSeed.RingingCallId}/accept", new { });
        var accepted = await http.PostAsJsonAsync($"v1/calls/{CallsSeed.RingingCallId}/accept", new { sdp = Offer, sdpType = "answer" });
        var again = await http.PostAsJsonAsync($"v1/calls/{CallsSeed.RingingCallId}/accept", new { sdp = Offer });

        Assert.Equal("RINGING", plain.GetProperty("status").GetString());
        Assert.Equal("INBOUND", plain.GetProperty("direction").GetString());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("sdpOffer").ValueKind);
        Assert.StartsWith("v=0", withSdp.GetProperty("sdpOffer").GetString());
        Assert.Equal(400, (int)noAnswer.StatusCode);
        Assert.Equal("VALIDATION_ERROR", (await JsonAsync(noAnswer)).GetProperty("code").GetString());
        Assert.Equal("ACCEPTED", (await JsonAsync(accepted)).GetProperty("status").GetString());
        Assert.Equal("INVALID_CALL_STATE", (await JsonAsync(again)).GetProperty("code").GetString());
        Assert.Equal(new[] { "call.connected" }, EventsOf(sandbox, CallsSeed.RingingCallId));
    }

    [Fact]
    public async Task Rejecting_the_ringing_call_ends_it_as_rejected()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = PilotStatus(sandbox);

        var rejected = await JsonAsync(await http.PostAsync($"v1/calls/wacid.{CallsSeed.RingingCallId}/reject", null));
        var terminate = await http.PostAsync($"v1/calls/{CallsSeed.RingingCallId}/terminate", null);

        Assert.Equal("REJECTED", rejected.GetProperty("status").GetString());
        Assert.Equal(400, (int)terminate.StatusCode);
        var end = Assert.Single(sandbox.State.PilotStatus.Calls.GetCallEvents(), e => e.Payload["callId"]?.GetValue<string>() == CallsSeed.RingingCallId);
        Assert.Equal("call.ended", end.Event);
        Assert.Equal("REJECTED", end.Payload["status"]!.GetValue<string>());
        Assert.Equal(CallsSeed.UnpermittedContactPhone, end.Payload["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_unanswered_inbound_call_is_missed_after_its_ring_time()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = PilotStatus(sandbox);

        Assert.Equal("RINGING", await StatusAsync(http, CallsSeed.UnansweredCallId));
        time.Advance(CallsSeed.UnansweredRingTime);
        var call = await http.GetFromJsonAsync<JsonElement>($"v1/calls/{CallsSeed.UnansweredCallId}");

        Assert.Equal("COMPLETED", call.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, call.GetProperty("connectedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, call.GetProperty("durationSeconds").ValueKind);
        Assert.Equal(new[] { "call.missed" }, EventsOf(sandbox, CallsSeed.UnansweredCallId));
        Assert.Equal("RINGING", await StatusAsync(http, CallsSeed.RingingCallId));
    }

    [Fact]
    public async Task Calling_needs_permission_that_a_request_obtains_once_per_day()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = PilotStatus(sandbox);
        var to = Uri.EscapeDataString(CallsSeed.UnpermittedContactPhone);

        var refused = await http.PostAsJsonAsync("v1/calls", new { to = CallsSeed.UnpermittedContactPhone, sdp = Offer });
        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Equal("META_CALL_PERMISSION_REQUIRED", (await JsonAsync(refused)).GetProperty("code").GetString());

        var before = await http.GetFromJsonAsync<JsonElement>($"v1/calls/permissions?to={to}");
        Assert.Equal("no_permission", before.GetProperty("permission").GetProperty("status").GetString());
        Assert.True(Action(before, "send_call_permission_request").GetProperty("can_perform_action").GetBoolean());
        Assert.False(Action(before, "start_call").GetProperty("can_perform_action").GetBoolean());

        var asked = await http.PostAsJsonAsync("v1/calls/permissions/request", new { to = CallsSeed.UnpermittedContactPhone, text = "About your order" });
        Assert.StartsWith("wamid.", (await JsonAsync(asked)).GetProperty("messageId").GetString());
        var twice = await http.PostAsJsonAsync("v1/calls/permissions/request", new { to = CallsSeed.UnpermittedContactPhone });
        Assert.Equal(400, (int)twice.StatusCode);
        Assert.Equal("META_CALL_PERMISSION_REQUEST_LIMIT", (await JsonAsync(twice)).GetProperty("code").GetString());

        time.Advance(CallPermission.AnswerDelay);
        var after = await http.GetFromJsonAsync<JsonElement>($"v1/calls/permissions?to={to}");
        Assert.Equal("temporary", after.GetProperty("permission").GetProperty("status").GetString());
        Assert.True(after.GetProperty("permission").GetProperty("expiration_time").GetInt64() > time.GetUtcNow().ToUnixTimeSeconds());
        var limit = Action(after, "send_call_permission_request").GetProperty("limits")[0];
        Assert.Equal("PT24H", limit.GetProperty("time_period").GetString());
        Assert.Equal(1, limit.GetProperty("current_usage").GetInt32());
        var update = Assert.Single(sandbox.State.PilotStatus.Calls.GetCallEvents(), e => e.Event == "call.permission_updated");
        Assert.Equal("TEMPORARY", update.Payload["status"]!.GetValue<string>());
        Assert.Equal(CallsSeed.UnpermittedContactPhone, update.Payload["from"]!.GetValue<string>());

        var call = await http.PostAsJsonAsync("v1/calls", new { to = CallsSeed.UnpermittedContactPhone, sdp = Offer });
        Assert.Equal(201, (int)call.StatusCode);
    }

    [Fact]
    public async Task A_permission_request_outside_the_24_hour_window_is_refused()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = PilotStatus(sandbox);

        var response = await http.PostAsJsonAsync("v1/calls/permissions/request", new { to = CallsSeed.PermittedContactPhone });

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("META_OUTSIDE_24H_WINDOW", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_list_pages_with_limit_and_before_newest_first_and_never_shows_sdp()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = PilotStatus(sandbox);

        var first = (await http.GetFromJsonAsync<JsonElement>("v1/calls?limit=2")).GetProperty("calls");
        var cursor = Uri.EscapeDataString(first[1].GetProperty("createdAt").GetString()!);
        var second = (await http.GetFromJsonAsync<JsonElement>($"v1/calls?limit=2&before={cursor}")).GetProperty("calls");
        var tooMany = await http.GetAsync("v1/calls?limit=101");

        Assert.Equal(new[] { CallsSeed.UnansweredCallId, CallsSeed.RingingCallId }, first.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray());
        Assert.Equal(new[] { CallsSeed.CompletedCallId, CallsSeed.MissedCallId }, second.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray());
        Assert.All(first.EnumerateArray().Concat(second.EnumerateArray()), c =>
        {
            Assert.False(c.TryGetProperty("sdpOffer", out _));
            Assert.False(c.TryGetProperty("sdpAnswer", out _));
        });
        Assert.Equal(125 - 5, second[0].GetProperty("durationSeconds").GetInt32());
        Assert.Equal(400, (int)tooMany.StatusCode);
    }

    [Fact]
    public async Task Settings_are_patched_call_hours_replaced_sip_refused_and_disabled_calling_blocks_calls()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = PilotStatus(sandbox);

        var hours = await http.PutAsJsonAsync("v1/calls/settings", new { call_hours = new { status = "ENABLED", timezone_id = "America/Sao_Paulo" } });
        var sip = await http.PutAsJsonAsync("v1/calls/settings", new { sip = new { status = "ENABLED" } });
        var settings = (await http.GetFromJsonAsync<JsonElement>("v1/calls/settings")).GetProperty("calling");
        var disabled = await http.PutAsJsonAsync("v1/calls/settings", new { status = "DISABLED" });
        var call = await http.PostAsJsonAsync("v1/calls", new { to = CallsSeed.PermittedContactPhone, sdp = Offer });

        Assert.True((await JsonAsync(hours)).GetProperty("success").GetBoolean());
        Assert.Equal(400, (int)sip.StatusCode);
        Assert.Equal("ENABLED", settings.GetProperty("status").GetString());
        Assert.Equal("DEFAULT", settings.GetProperty("call_icon_visibility").GetString());
        Assert.Equal("America/Sao_Paulo", settings.GetProperty("call_hours").GetProperty("timezone_id").GetString());
        Assert.Equal(200, (int)disabled.StatusCode);
        Assert.Equal(400, (int)call.StatusCode);
    }

    [Theory]
    [InlineData("GET", "v1/calls")]
    [InlineData("POST", "v1/calls")]
    [InlineData("GET", "v1/calls/settings")]
    [InlineData("GET", "v1/calls/permissions?to=%2B5521966665555")]
    [InlineData("POST", "v1/calls/call_sandbox_ringing/accept")]
    public async Task The_evolution_number_gets_feature_not_supported(string method, string path)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { to = "+5521966665555" }) : null });

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("FEATURE_NOT_SUPPORTED", (await JsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_call_is_not_found_and_the_tenant_key_is_refused()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = PilotStatus(sandbox);
        using var tenant = PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var missing = await http.PostAsync("v1/calls/call_nope/terminate", null);
        var byTenant = await tenant.GetAsync("v1/calls");

        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal("CALL_NOT_FOUND", (await JsonAsync(missing)).GetProperty("code").GetString());
        Assert.Equal(403, (int)byTenant.StatusCode);
    }

    private static JsonElement Action(JsonElement permission, string name)
        => permission.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("action_name").GetString() == name);
}
