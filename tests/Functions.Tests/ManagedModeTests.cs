using System.Net;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Functions.Tests.Infrastructure;
using Serverless.Gateway.Callers;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;
using Serverless.Tools.Catalog;

namespace Serverless.Functions.Tests;

/// <summary>
/// Managed credentials through the function routes: the function app gets them from the one gateway
/// registration, so a client key's grant narrows each area's function and refuses numbers outside it,
/// while the vendor keys stay on the server.
/// </summary>
public sealed class ManagedModeTests
{
    private const string NumberTwoKey = "mcpgw_functions_number_two_read";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] VendorKeys =
    [
        SandboxCredentials.PilotStatusTenantKey,
        SandboxCredentials.PilotStatusNumberKey1,
        SandboxCredentials.PilotStatusNumberKey2,
        SandboxCredentials.ChiliPiperAdminToken,
    ];

    private static Task<FunctionsHost> StartAsync() => FunctionsHost.StartAsync(new Dictionary<string, string?>
    {
        ["Credentials:Mode"] = "Managed",
        ["Secrets:pilotstatus-tenant-key"] = SandboxCredentials.PilotStatusTenantKey,
        ["Secrets:chilipiper-api-key"] = SandboxCredentials.ChiliPiperAdminToken,
        ["Clients:two:KeySha256"] = ClientKeys.Sha256Hex(NumberTwoKey),
        ["Clients:two:Numbers"] = PilotStatusSeed.NumberId2,
        ["Clients:two:ChiliPiper"] = "read",
    });

    private static Task<McpClient> ConnectAsync(FunctionsHost host, string path) =>
        host.ConnectAsync(path, new Dictionary<string, string> { ["Authorization"] = "Bearer " + NumberTwoKey });

    [Fact]
    public async Task A_grant_narrows_each_area_function_and_the_vendor_keys_stay_on_the_server()
    {
        await using var host = await StartAsync();
        var catalog = ToolCatalog.CreateDefault();

        // Chili Piper read: the meetings function lists only that area's read-only tools.
        await using (var meetings = await ConnectAsync(host, "/mcp/x/meetings"))
        {
            var listed = (await meetings.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).Order().ToArray();
            var expected = catalog.Entries.Where(e => e.Toolset == Toolsets.Meetings && e.ReadOnly).Select(e => e.Name).Order().ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, listed);
        }

        // One number: tenant-wide tools are not offered; the granted number's tools work with its own key.
        await using var numbers = await ConnectAsync(host, "/mcp/x/numbers");
        var names = (await numbers.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name).ToArray();
        Assert.Contains("numbers_get", names);
        Assert.DoesNotContain(catalog.Entries.Where(e => e.Toolset == Toolsets.Numbers && e.KeyScope == KeyScope.Tenant).Select(e => e.Name), names.Contains);

        var own = await numbers.CallToolAsync("numbers_get", new Dictionary<string, object?> { ["id"] = PilotStatusSeed.NumberId2 }, cancellationToken: Ct);
        Assert.True(own.IsError is not true, Text(own));

        var other = await numbers.CallToolAsync("numbers_get", new Dictionary<string, object?> { ["id"] = PilotStatusSeed.NumberId1 }, cancellationToken: Ct);
        Assert.True(other.IsError);
        Assert.Equal("GRANT_REFUSED", other.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString());

        foreach (var text in new[] { Text(own), Text(other), JsonSerializer.Serialize(own.StructuredContent), JsonSerializer.Serialize(other.StructuredContent) })
        {
            Assert.DoesNotContain(VendorKeys, key => text.Contains(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_request_without_a_client_key_gets_401_from_an_area_function()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Url("/mcp/x/messaging"))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("x-api-key", SandboxCredentials.PilotStatusTenantKey);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
