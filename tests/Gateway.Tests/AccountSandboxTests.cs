using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;
using static Serverless.Gateway.Tests.Infrastructure.SandboxClients;

namespace Serverless.Gateway.Tests;

/// <summary>The account area of the Pilot Status twin through the gateway: key rotation, branding, media.</summary>
public sealed class AccountSandboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private static async Task<JsonElement> CallOk(McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? [], cancellationToken: Ct);
        Assert.True(result.IsError is not true, $"{tool}: {Text(result)}");
        return result.StructuredContent!.Value;
    }

    [Fact]
    public async Task Keys_are_listed_masked_and_revealed_only_on_request()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", new() { ["x-api-key"] = SandboxCredentials.PilotStatusTenantKey });

        var masked = await client.CallToolAsync("api_keys_list", new Dictionary<string, object?>(), cancellationToken: Ct);
        var revealed = await CallOk(client, "api_keys_list", new() { ["reveal"] = true });

        var whole = masked.StructuredContent!.Value.GetRawText() + Text(masked);
        Assert.DoesNotContain(SandboxCredentials.PilotStatusNumberKey1, whole);
        Assert.DoesNotContain(SandboxCredentials.PilotStatusNumberKey2, whole);
        var first = masked.StructuredContent!.Value.GetProperty("result")[0];
        Assert.Equal(PilotStatusSeed.NumberId1, first.GetProperty("numberId").GetString());
        Assert.Equal("ps_…" + SandboxCredentials.PilotStatusNumberKey1[^4..], first.GetProperty("key").GetString());
        Assert.Equal(
            [SandboxCredentials.PilotStatusNumberKey1, SandboxCredentials.PilotStatusNumberKey2],
            revealed.GetProperty("result").EnumerateArray().Select(k => k.GetProperty("key").GetString()));
        Assert.DoesNotContain(SandboxCredentials.PilotStatusTenantKey, revealed.GetRawText());
    }

    [Fact]
    public async Task Regenerating_a_number_key_retires_the_old_secret_and_id_at_once()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", new() { ["x-api-key"] = SandboxCredentials.PilotStatusTenantKey });

        var issued = await CallOk(client, "api_keys_regenerate_number", new() { ["whatsappNumberId"] = PilotStatusSeed.NumberId1 });

        var newKey = issued.GetProperty("key").GetString()!;
        Assert.StartsWith("ps_", newKey);
        Assert.Equal(newKey[^4..], issued.GetProperty("keyLast4").GetString());
        Assert.Equal(PilotStatusSeed.NumberId1, issued.GetProperty("whatsappNumberId").GetString());

        using var old = PilotStatus(host.Sandbox, SandboxCredentials.PilotStatusNumberKey1);
        using var oldId = new HttpClient { BaseAddress = new Uri(host.Sandbox.PilotStatusBaseUrl + "/") };
        oldId.DefaultRequestHeaders.Add("x-api-key-id", PilotStatusSeed.NumberKeyId1);
        using var fresh = PilotStatus(host.Sandbox, newKey);
        using var other = PilotStatus(host.Sandbox, SandboxCredentials.PilotStatusNumberKey2);
        Assert.Equal(401, (int)(await old.GetAsync("v1/conversations", Ct)).StatusCode);
        Assert.Equal(401, (int)(await oldId.GetAsync("v1/conversations", Ct)).StatusCode);
        Assert.Equal(200, (int)(await fresh.GetAsync("v1/conversations", Ct)).StatusCode);
        Assert.Equal(200, (int)(await other.GetAsync("v1/conversations", Ct)).StatusCode);

        var listed = await CallOk(client, "api_keys_list", new() { ["reveal"] = true });
        Assert.Equal(newKey, listed.GetProperty("result")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Branding_cleared_through_the_gateway_reads_back_as_null()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", new() { ["x-api-key"] = SandboxCredentials.PilotStatusTenantKey });

        await CallOk(client, "branding_upsert", new() { ["subtitle"] = "Connect your WhatsApp", ["clear"] = new[] { "companyName" } });
        var branding = (await CallOk(client, "branding_get")).GetProperty("branding");

        Assert.Equal(JsonValueKind.Null, branding.GetProperty("companyName").ValueKind);
        Assert.Equal("Connect your WhatsApp", branding.GetProperty("subtitle").GetString());
        Assert.Equal(AccountSeed.PrimaryColor, branding.GetProperty("primaryColor").GetString());
    }

    [Fact]
    public async Task An_inbound_meta_image_is_downloaded_with_media_get_from_its_message()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var unread = await CallOk(client, "messages_unread");
        var media = unread.GetProperty("messages").EnumerateArray()
            .Select(m => m.GetProperty("media"))
            .Single(m => m.ValueKind == JsonValueKind.Object && m.GetProperty("provider").GetString() == "META");
        var file = await CallOk(client, "media_get", new()
        {
            ["mediaId"] = media.GetProperty("id").GetString(),
            ["phoneNumberId"] = AccountSeed.MetaPhoneNumberId1,
        });

        Assert.Equal("image/png", file.GetProperty("mimeType").GetString());
        Assert.Equal(media.GetProperty("id").GetString(), file.GetProperty("mediaId").GetString());
        var dataUri = file.GetProperty("base64").GetString()!;
        Assert.StartsWith("data:image/png;base64,", dataUri);
        var bytes = Convert.FromBase64String(dataUri[(dataUri.IndexOf(',') + 1)..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

}
