using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;

namespace Serverless.Gateway.Tests;

/// <summary>
/// The advice for a meeting window refused by the tool states the upstream's real rule: the sandbox twin refuses
/// start = end too, and the window the advice asks for is accepted.
/// </summary>
public sealed class MeetingWindowAdviceTests
{
    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<CallToolResult> ListAsync(McpClient client, string start, string end) =>
        await client.CallToolAsync("meeting-list-put", new Dictionary<string, object?> { ["start"] = start, ["end"] = end },
            cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Start_equal_to_end_is_refused_by_tool_and_twin_alike_and_the_advised_window_works()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        using var http = new HttpClient { BaseAddress = new Uri(host.Sandbox.ChiliPiperBaseUrl + "/") };
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + SandboxCredentials.ChiliPiperAdminToken);

        var refused = await ListAsync(client, Iso(start), Iso(start));
        var twin = await http.PutAsJsonAsync("v2/org/meetings/meetings", new { start = Iso(start), end = Iso(start) }, TestContext.Current.CancellationToken);

        Assert.True(refused.IsError);
        var error = refused.StructuredContent!.Value.GetProperty("error");
        Assert.Equal("INVALID_DATE_RANGE", error.GetProperty("code").GetString());
        Assert.Equal("Make 'end' later than 'start' (start is included, end is not) and call again.", error.GetProperty("next").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, twin.StatusCode);

        // What the advice asks for: end later than start, by as little as a second.
        var advised = await ListAsync(client, Iso(start), Iso(start.AddSeconds(1)));

        Assert.True(advised.IsError is not true, string.Join("\n", advised.Content.OfType<TextContentBlock>().Select(t => t.Text)));
        Assert.Equal(JsonValueKind.Object, advised.StructuredContent!.Value.GetProperty("data").ValueKind);
    }
}
