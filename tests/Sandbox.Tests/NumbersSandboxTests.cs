using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox.Tests;

/// <summary>The numbers twin: QR pairing over time, key linking, removal, remote pairing and the existence check.</summary>
public sealed class NumbersSandboxTests
{

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    private static string[] Events(SandboxServer sandbox, string numberId) =>
        [.. sandbox.State.PilotStatus.Numbers.GetNumberEvents()
            .Where(e => e["data"]!["numberId"]!.GetValue<string>() == numberId)
            .Select(e => e["event"]!.GetValue<string>())];

    [Fact]
    public async Task A_created_number_shows_a_qr_code_then_opens_after_the_simulated_scan()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var created = await JsonAsync(await tenant.PostAsJsonAsync("v1/numbers", new { name = "Sales", number = "+5511912345678" }), 201);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("CONNECTING", created.GetProperty("state").GetString());
        Assert.StartsWith("data:image/png;base64,", created.GetProperty("qrcodeBase64").GetString());
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", created.GetProperty("pairingCode").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("linkedApiKeyId").ValueKind);
        Assert.Equal("5511912345678", created.GetProperty("number").GetString());

        async Task<JsonElement> StatusAsync() => await JsonAsync(await tenant.GetAsync($"v1/numbers/{id}/status"), 200);
        Assert.Equal("CONNECTING", (await StatusAsync()).GetProperty("state").GetString());
        time.Advance(NumbersSeed.PairingDelay - TimeSpan.FromSeconds(1));
        Assert.False((await StatusAsync()).GetProperty("isFullyConnected").GetBoolean());
        time.Advance(TimeSpan.FromSeconds(1));
        var open = await StatusAsync();

        Assert.Equal("OPEN", open.GetProperty("state").GetString());
        Assert.True(open.GetProperty("isFullyConnected").GetBoolean());
        Assert.Equal(["number.created", "number.connected"], Events(sandbox, id));
        var connected = sandbox.State.PilotStatus.Numbers.GetNumberEvents().Last();
        Assert.Equal("OPEN", connected["data"]!["state"]!.GetValue<string>());
        Assert.Equal("+5511912345678", connected["data"]!["number"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(connected["data"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_number_created_with_the_tenant_key_gets_its_own_number_key()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var id = (await JsonAsync(await tenant.PostAsJsonAsync("v1/numbers", new { name = "Sales", number = "5511912345678" }), 201)).GetProperty("id").GetString();
        var key = Assert.Single(sandbox.State.PilotStatus.GetApiKeys(), k => k.NumberId == id);
        time.Advance(NumbersSeed.PairingDelay);
        using var own = SandboxClients.PilotStatus(sandbox, key.Secret);

        Assert.Equal(ApiKeyScope.Number, key.Scope);
        var groups = await JsonAsync(await own.GetAsync("v1/groups"), 200);
        Assert.Equal(0, groups.GetProperty("groups").GetArrayLength());
        var listed = (await JsonAsync(await tenant.GetAsync("v1/numbers"), 200)).EnumerateArray().Single(n => n.GetProperty("id").GetString() == id);
        Assert.Equal(key.Secret[..7], listed.GetProperty("apiKeys")[0].GetProperty("keyPrefix").GetString());
        Assert.Equal(key.Secret[^4..], listed.GetProperty("apiKeys")[0].GetProperty("keyLast4").GetString());
    }

    [Fact]
    public async Task A_number_key_with_link_to_api_key_moves_to_the_new_number()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var key2 = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        var created = await JsonAsync(await key2.PostAsJsonAsync("v1/numbers", new { name = "Sales", number = "+5511912345678" }), 201);

        Assert.Equal(PilotStatusSeed.NumberKeyId2, created.GetProperty("linkedApiKeyId").GetString());
        Assert.Equal(created.GetProperty("id").GetString(), sandbox.State.PilotStatus.GetApiKeys().Single(k => k.Id == PilotStatusSeed.NumberKeyId2).NumberId);
        Assert.Equal("WHATSAPP_INSTANCE_NOT_CONNECTED", (await JsonAsync(await key2.GetAsync("v1/groups"), 409)).GetProperty("code").GetString());
        time.Advance(NumbersSeed.PairingDelay);
        Assert.Equal(0, (await JsonAsync(await key2.GetAsync("v1/groups"), 200)).GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public async Task Connect_refuses_an_open_number_and_pairs_a_closed_one()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        Assert.Equal("NUMBER_ALREADY_CONNECTED", (await JsonAsync(await tenant.GetAsync($"v1/numbers/{PilotStatusSeed.NumberId2}/connect"), 409)).GetProperty("code").GetString());
        Assert.Equal("NOT_SUPPORTED_FOR_META", (await JsonAsync(await tenant.GetAsync($"v1/numbers/{PilotStatusSeed.NumberId1}/connect"), 400)).GetProperty("code").GetString());

        var pairing = await JsonAsync(await tenant.PostAsJsonAsync("v1/numbers/remote-pairing", new { name = "Field", number = "+5521912345678" }), 201);
        var id = pairing.GetProperty("numberId").GetString()!;
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("CLOSE", (await JsonAsync(await tenant.GetAsync($"v1/numbers/{id}/status"), 200)).GetProperty("state").GetString());

        var connect = await JsonAsync(await tenant.GetAsync($"v1/numbers/{id}/connect"), 200);
        Assert.Equal("CONNECTING", connect.GetProperty("state").GetString());
        Assert.StartsWith("data:image/png;base64,", connect.GetProperty("qrcodeBase64").GetString());
        time.Advance(NumbersSeed.PairingDelay);

        Assert.Equal("OPEN", (await JsonAsync(await tenant.GetAsync($"v1/numbers/{id}/status"), 200)).GetProperty("state").GetString());
        Assert.Equal(["number.created", "number.connected"], Events(sandbox, id));
    }

    [Fact]
    public async Task Remote_pairing_answers_with_a_token_link_and_a_disconnected_instance()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var qr = await JsonAsync(await tenant.PostAsJsonAsync("v1/numbers/remote-pairing", new { name = "Field", number = "+5521912345678", sendViaWhatsApp = true }), 201);
        var meta = await JsonAsync(await tenant.PostAsJsonAsync("v1/numbers/remote-pairing", new { provider = "META", metaFlow = "embedded" }), 201);
        var missing = await JsonAsync(await tenant.PostAsJsonAsync("v1/numbers/remote-pairing", new { provider = "PILOT_STATUS", name = "Field" }), 400);

        var token = qr.GetProperty("remotePairingToken").GetString()!;
        Assert.StartsWith("rp_", token);
        Assert.Equal("https://pilotstatus.com.br/connect/" + token, qr.GetProperty("remotePairingUrl").GetString());
        Assert.Equal("CLOSE", qr.GetProperty("instance").GetProperty("state").GetString());
        Assert.Equal(qr.GetProperty("numberId").GetString(), qr.GetProperty("instance").GetProperty("id").GetString());
        Assert.Equal("+5521*****5678", qr.GetProperty("maskedNumber").GetString());
        Assert.False(qr.GetProperty("messageSent").GetBoolean());
        Assert.Contains("pilot_status_remote_pairing", qr.GetProperty("messageError").GetString());
        Assert.Equal("META", meta.GetProperty("provider").GetString());
        Assert.Equal(JsonValueKind.Null, meta.GetProperty("numberId").ValueKind);
        Assert.Equal("VALIDATION_ERROR", missing.GetProperty("code").GetString());
        Assert.Equal(3, sandbox.State.PilotStatus.GetNumbers().Count);
    }

    [Fact]
    public async Task Deleting_a_number_removes_it_and_its_key_stops_working()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);
        using var key2 = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);
        Assert.Equal(200, (int)(await key2.GetAsync("v1/groups")).StatusCode);

        var deleted = await JsonAsync(await tenant.DeleteAsync($"v1/numbers/{PilotStatusSeed.NumberId2}"), 200);

        Assert.True(deleted.GetProperty("ok").GetBoolean());
        Assert.Equal(401, (int)(await key2.GetAsync("v1/groups")).StatusCode);
        Assert.Equal("NUMBER_NOT_FOUND", (await JsonAsync(await tenant.GetAsync($"v1/numbers/{PilotStatusSeed.NumberId2}"), 404)).GetProperty("code").GetString());
        Assert.Equal(404, (int)(await tenant.DeleteAsync($"v1/numbers/{PilotStatusSeed.NumberId2}")).StatusCode);
        Assert.DoesNotContain(sandbox.State.PilotStatus.GetNumbers(), n => n.Id == PilotStatusSeed.NumberId2);
        Assert.Empty(sandbox.State.PilotStatus.Groups.GetGroups());
        Assert.Equal(["number.removed"], Events(sandbox, PilotStatusSeed.NumberId2));
    }

    [Fact]
    public async Task Get_shows_health_and_the_meta_block_only_for_meta_numbers()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var key1 = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);

        var store = await JsonAsync(await key1.GetAsync($"v1/numbers/{PilotStatusSeed.NumberId1}?refresh=1"), 200);
        var support = await JsonAsync(await key1.GetAsync($"v1/numbers/{PilotStatusSeed.NumberId2}"), 200);
        var list = await JsonAsync(await key1.GetAsync("v1/numbers"), 200);

        Assert.Equal("META", store.GetProperty("provider").GetString());
        Assert.Equal("GREEN", store.GetProperty("health").GetProperty("qualityRating").GetString());
        Assert.True(store.GetProperty("health").GetProperty("sendable").GetBoolean());
        Assert.Equal(NumbersSeed.MetaPhoneNumberId1, store.GetProperty("meta").GetProperty("phone").GetProperty("id").GetString());
        Assert.Equal(NumbersSeed.MetaWabaId1, store.GetProperty("meta").GetProperty("waba").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, support.GetProperty("meta").ValueKind);
        Assert.Equal(JsonValueKind.Null, support.GetProperty("health").GetProperty("qualityRating").ValueKind);
        Assert.Equal(2, list.GetArrayLength());
        Assert.DoesNotContain(SandboxCredentials.PilotStatusNumberKey1, list.GetRawText());
    }

    [Fact]
    public async Task Check_knows_contacts_applies_the_brazilian_ninth_digit_and_refuses_meta()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var key2 = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);
        using var key1 = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);

        var body = await JsonAsync(await key2.PostAsJsonAsync("v1/numbers/check", new
        {
            numbers = new[] { "+55 31 95555-4444", "551188887777", "+5511912340000", "+1 415 555 0123" },
            number = "5521966665555",
        }), 200);
        var results = body.GetProperty("results").EnumerateArray().ToArray();

        Assert.Equal("+55 31 95555-4444", results[0].GetProperty("input").GetString());
        Assert.True(results[0].GetProperty("exists").GetBoolean());
        Assert.Equal("553155554444", results[0].GetProperty("number").GetString());
        Assert.Equal("Diego Rocha", results[0].GetProperty("name").GetString());
        Assert.Equal("5511988887777", results[1].GetProperty("number").GetString());
        Assert.False(results[2].GetProperty("exists").GetBoolean());
        Assert.Equal(JsonValueKind.Null, results[2].GetProperty("number").ValueKind);
        Assert.True(results[3].GetProperty("exists").GetBoolean());
        Assert.Equal("14155550123", results[3].GetProperty("number").GetString());
        Assert.Equal("Carla Dias", results[4].GetProperty("name").GetString());

        Assert.Equal("NOT_SUPPORTED_FOR_META", (await JsonAsync(await key1.PostAsJsonAsync("v1/numbers/check", new { number = "+5511988887777" }), 400)).GetProperty("code").GetString());
        Assert.Equal("VALIDATION_ERROR", (await JsonAsync(await key2.PostAsJsonAsync("v1/numbers/check", new { numbers = Enumerable.Repeat("+5511988887777", 21) }), 400)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Create_refuses_bad_numbers_and_numbers_already_in_the_account()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var tenant = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        Assert.Equal("VALIDATION_ERROR", (await JsonAsync(await tenant.PostAsJsonAsync("v1/numbers", new { name = "Sales", number = "119123" }), 400)).GetProperty("code").GetString());
        Assert.Equal("VALIDATION_ERROR", (await JsonAsync(await tenant.PostAsJsonAsync("v1/numbers", new { number = "+5511912345678" }), 400)).GetProperty("code").GetString());
        Assert.Equal("NUMBER_ALREADY_EXISTS", (await JsonAsync(await tenant.PostAsJsonAsync("v1/numbers", new { name = "Again", number = PilotStatusSeed.PhoneNumber2 }), 409)).GetProperty("code").GetString());
        Assert.Equal(2, sandbox.State.PilotStatus.GetNumbers().Count);
        Assert.Empty(sandbox.State.PilotStatus.Numbers.GetNumberEvents());
    }
}
