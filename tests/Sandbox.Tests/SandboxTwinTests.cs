using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;

namespace Serverless.Sandbox.Tests;

/// <summary>The sandbox twin speaks the vendors' HTTP contracts: lifecycle, scopes, permissions, error bodies.</summary>
public sealed class SandboxTwinTests
{

    [Fact]
    public async Task A_message_moves_from_queued_to_sent_to_delivered_with_the_clock()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);

        var send = await http.PostAsJsonAsync("v1/messages/send", new { destinationNumber = "+5511988887777", templateId = "order_update", variables = new { name = "Ana", order = "A-1" } });
        Assert.Equal(202, (int)send.StatusCode);
        var id = (await send.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        async Task<string?> StatusAsync() => (await http.GetFromJsonAsync<JsonElement>($"v1/messages/{id}")).GetProperty("status").GetString();
        Assert.Equal("QUEUED", await StatusAsync());
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.Equal("SENT", await StatusAsync());
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("DELIVERED", await StatusAsync());
    }

    [Fact]
    public async Task The_tenant_key_is_refused_on_number_endpoints_with_the_vendor_body()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusTenantKey);

        var response = await http.GetAsync("v1/conversations");

        Assert.Equal(403, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TENANT_SCOPE_NOT_ALLOWED", body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task The_read_only_token_gets_403_naming_the_permission_and_bad_paging_gets_plain_text()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var readOnly = SandboxClients.ChiliPiper(sandbox, SandboxCredentials.ChiliPiperReadOnlyToken);

        var invite = await readOnly.PostAsJsonAsync("v1/org/user/invite", new { email = "someone@example.com" });
        var find = await readOnly.GetAsync("v1/org/user/find?query=a&pageSize=51");
        var read = await readOnly.GetAsync("v1/org/tenant/get");

        Assert.Equal(403, (int)invite.StatusCode);
        Assert.Contains("user.create", (await invite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorMessage").GetString());
        Assert.Equal(400, (int)find.StatusCode);
        Assert.Equal("text/plain", find.Content.Headers.ContentType?.MediaType);
        Assert.Equal(200, (int)read.StatusCode);
    }
}
