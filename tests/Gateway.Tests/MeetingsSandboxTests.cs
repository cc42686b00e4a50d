using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.ChiliPiper;

namespace Serverless.Gateway.Tests;

/// <summary>Meeting, CRM and Distro behaviour of the Chili Piper twin through the gateway: cancellation, the cut export, Distro runs.</summary>
public sealed class MeetingsSandboxTests
{
    private static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<JsonElement> CallAsync(McpClient client, string tool, object arguments)
    {
        var args = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(arguments))!
            .ToDictionary(p => p.Key, p => (object?)p.Value);
        var result = await client.CallToolAsync(tool, args, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.IsError is not true, $"{tool}: {Text(result)}");
        return result.StructuredContent!.Value;
    }

    [Fact]
    public async Task Cancelling_a_meeting_frees_its_slot_counts_against_the_round_robin_and_cannot_be_repeated()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var state = host.Sandbox.State.ChiliPiper;
        var before = state.GetDistributions().Single(d => d.Id == ChiliPiperSeed.SalesRoundRobinId).StateOf(ChiliPiperSeed.BobSellerId).Cancelled;

        var cancel = await CallAsync(client, "meeting-cancel", new { meetingId = ChiliPiperMeetingSeed.UpcomingMeetingId });

        Assert.Equal("Success", cancel.GetProperty("type").GetString());
        var meeting = state.GetMeetings().Single(m => m.Id == ChiliPiperMeetingSeed.UpcomingMeetingId);
        Assert.Equal(MeetingStatuses.Canceled, meeting.Status);
        Assert.False(meeting.IsActive);
        Assert.NotNull(meeting.CanceledAt);
        Assert.Equal(before + 1, state.GetDistributions().Single(d => d.Id == ChiliPiperSeed.SalesRoundRobinId).StateOf(ChiliPiperSeed.BobSellerId).Cancelled);

        var record = await CallAsync(client, "meeting-get", new { meetingId = ChiliPiperMeetingSeed.UpcomingMeetingId });
        Assert.Equal("Canceled", record.GetProperty("data").GetProperty("meetingStatus").GetString());
        Assert.Contains(record.GetProperty("data").GetProperty("activities").EnumerateArray(), a => a.GetProperty("type").GetString() == "Canceled");

        var again = await client.CallToolAsync("meeting-cancel", new Dictionary<string, object?> { ["meetingId"] = ChiliPiperMeetingSeed.UpcomingMeetingId },
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(again.IsError);
        Assert.Equal("Failure", again.StructuredContent!.Value.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("already canceled", Text(again));
        Assert.Equal(before + 1, state.GetDistributions().Single(d => d.Id == ChiliPiperSeed.SalesRoundRobinId).StateOf(ChiliPiperSeed.BobSellerId).Cancelled);
    }

    [Fact]
    public async Task Cancelling_through_the_crm_event_changes_the_same_meeting()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        await CallAsync(client, "crm-cancel", new { crmEventId = ChiliPiperMeetingSeed.UpcomingMeetingCrmEventId });

        var record = await CallAsync(client, "crm-get", new { crmEventId = ChiliPiperMeetingSeed.UpcomingMeetingCrmEventId[..15] });
        Assert.Equal(ChiliPiperMeetingSeed.UpcomingMeetingId, record.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal("Canceled", record.GetProperty("data").GetProperty("meetingStatus").GetString());
        var link = await CallAsync(client, "crm-activity", new { crmEventId = ChiliPiperMeetingSeed.UpcomingMeetingCrmEventId });
        Assert.Contains(ChiliPiperMeetingSeed.UpcomingMeetingId, link.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_large_export_through_the_gateway_is_cut_and_says_so()
    {
        await using var host = await GatewayHost.StartAsync(new() { ["ChiliPiper:ExportMaxBytes"] = "900" });
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        var now = DateTimeOffset.UtcNow;

        var export = await CallAsync(client, "meeting-export-v2-put", new { start = Iso(now.AddDays(-3)), end = Iso(now.AddDays(3.9)) });

        Assert.True(export.GetProperty("truncated").GetBoolean());
        Assert.Equal(6, export.GetProperty("totalRows").GetInt32());
        var included = export.GetProperty("rowCount").GetInt32();
        Assert.InRange(included, 1, 5);
        Assert.Equal(included + 1, export.GetProperty("data").GetString()!.TrimEnd('\n').Split('\n').Length);
        Assert.Contains($"{included} of 6 rows", export.GetProperty("_note").GetString());
    }

    [Fact]
    public async Task Distro_lists_routers_with_their_scheduler_and_a_run_is_recorded()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var list = await CallAsync(client, "distro-list-routers", new { });
        var scheduled = list.GetProperty("routers").EnumerateArray()
            .SelectMany(r => r.GetProperty("trigger").GetProperty("eventTypes").EnumerateArray().Select(e => (Router: r, Event: e)))
            .Single(x => x.Event.GetProperty("type").GetString() == "Scheduled");
        Assert.Equal("Active", scheduled.Router.GetProperty("status").GetProperty("type").GetString());
        Assert.Equal("Lead", scheduled.Router.GetProperty("trigger").GetProperty("objectType").GetProperty("type").GetString());
        var schedulerId = scheduled.Event.GetProperty("schedulerId").GetString();
        Assert.Equal(ChiliPiperMeetingSeed.LeadSweepSchedulerId, schedulerId);
        Assert.Contains(list.GetProperty("routers").EnumerateArray(), r => r.GetProperty("status").GetProperty("type").GetString() == "Inactive");

        var run = await CallAsync(client, "resource-scheduler-run", new { resourceSchedulerId = schedulerId });

        var recorded = Assert.Single(host.Sandbox.State.ChiliPiper.Meetings.GetSchedulerRuns());
        Assert.Equal(ChiliPiperMeetingSeed.LeadSweepRouterId, recorded.RouterId);
        Assert.Equal(recorded.RunId, run.GetProperty("runId").GetString());
    }

}
