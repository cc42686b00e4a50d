using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.E2E.Tests.Infrastructure;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using static Serverless.Sandbox.ChiliPiper.ChiliPiperBookingSeed;

namespace Serverless.E2E.Tests;

/// <summary>
/// Two real gateway processes sharing one Table booking store on Azurite, both in front of one sandbox twin:
/// a session opened through one of them books exactly once, however the phase-2 calls are spread.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SharedBookingStoreTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Text(CallToolResult r) => string.Join("\n", r.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private static Task<McpClient> ConnectAsync(Uri url) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = url,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + SandboxCredentials.ChiliPiperAdminToken },
        }), cancellationToken: Ct);

    [Fact]
    public async Task Twenty_concurrent_schedules_over_two_gateways_book_once_and_the_rest_get_the_recorded_booking()
    {
        await using var sandbox = await SandboxServer.StartAsync(cancellationToken: Ct);
        var environment = new Dictionary<string, string?>
        {
            ["Sandbox__Enabled"] = "false",
            ["PilotStatus__BaseUrl"] = sandbox.PilotStatusBaseUrl,
            ["ChiliPiper__BaseUrl"] = sandbox.ChiliPiperBaseUrl,
            ["Booking__Store"] = "Table",
            ["Booking__TableConnection"] = azurite.Azurite.ConnectionString,
            ["Booking__TableName"] = "shared" + Guid.NewGuid().ToString("N")[..12],
        };
        await using var first = await ServerProcess.StartAsync(["serve"], environment);
        await using var second = await ServerProcess.StartAsync(["serve"], environment);
        await using var viaFirst = await ConnectAsync(first.McpUrl);
        await using var viaSecond = await ConnectAsync(second.McpUrl);

        var offered = await viaFirst.CallToolAsync("scheduling-link-init", new Dictionary<string, object?>
        {
            ["link"] = new Dictionary<string, object?> { ["slug"] = SalesDemoLinkSlug },
            ["interval"] = new Dictionary<string, object?> { ["startsAt"] = "2099-03-02T00:00:00Z", ["duration"] = "7 days" },
            ["guestEmail"] = "shared-store@flow.example",
        }, cancellationToken: Ct);
        Assert.True(offered.IsError is not true, Text(offered));
        var routeId = offered.StructuredContent!.Value.GetProperty("routeId").GetString();
        var slot = offered.StructuredContent!.Value.GetProperty("startTimes")[0].GetString();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await (i % 2 == 0 ? viaFirst : viaSecond).CallToolAsync("scheduling-link-schedule", new Dictionary<string, object?>
            {
                ["routeId"] = routeId,
                ["body"] = new Dictionary<string, object?> { ["startTime"] = slot },
            }, cancellationToken: Ct))));

        // Exactly one booking reached the upstream.
        var meeting = Assert.Single(sandbox.State.ChiliPiper.GetMeetings(), m => m.GuestEmail == "shared-store@flow.example");
        Assert.All(results, r => Assert.True(r.IsError is not true, Text(r)));
        Assert.All(results, r => Assert.Equal(meeting.Id, r.StructuredContent!.Value.GetProperty("meetingId").GetString()));
        var replays = results.Count(r => r.StructuredContent!.Value.TryGetProperty("alreadyBooked", out var flag) && flag.ValueKind == JsonValueKind.True);
        Assert.Equal(19, replays);
    }
}
