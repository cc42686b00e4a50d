using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.ChiliPiper;

namespace Serverless.Sandbox.Tests;

/// <summary>Meeting, CRM and Distro behaviour of the Chili Piper twin over HTTP: lifecycles, the 7-day window, the CSV export.</summary>
public sealed class MeetingsSandboxTests
{
    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static HttpClient ChiliPiper(SandboxServer sandbox, string token = SandboxCredentials.ChiliPiperAdminToken) => SandboxClients.ChiliPiper(sandbox, token);

    [Fact]
    public async Task A_meeting_reads_as_completed_once_over_and_only_then_can_be_marked_a_no_show()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = ChiliPiper(sandbox);
        var id = ChiliPiperMeetingSeed.UpcomingMeetingId;

        var early = await (await http.GetAsync($"v1/org/meetings/noshow/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Failure", early.GetProperty("type").GetString());
        Assert.Contains("not started", early.GetProperty("reason").GetString());

        time.Advance(TimeSpan.FromDays(3));
        var window = new { start = Iso(time.GetUtcNow().AddDays(-2)), end = Iso(time.GetUtcNow()), status = new[] { "Completed" } };
        var completed = await (await http.PutAsJsonAsync("v2/org/meetings/meetings", window)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(completed.GetProperty("data").GetProperty("list").EnumerateArray(), m => m.GetProperty("meetingId").GetString() == id);

        var marked = await (await http.GetAsync($"v1/org/meetings/noshow/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Success", marked.GetProperty("type").GetString());
        var record = await http.GetFromJsonAsync<JsonElement>($"v1/org/meetings/get/{id}");
        Assert.Equal("NoShow", record.GetProperty("data").GetProperty("meetingStatus").GetString());
        Assert.Equal(1, sandbox.State.ChiliPiper.GetDistributions().Single(d => d.Id == ChiliPiperSeed.SalesRoundRobinId).StateOf(ChiliPiperSeed.BobSellerId).NoShow);

        var twice = await (await http.GetAsync($"v1/org/meetings/noshow/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Failure", twice.GetProperty("type").GetString());
        var cancel = await (await http.GetAsync($"v1/org/meetings/cancel/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Failure", cancel.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_list_filters_pages_with_a_string_flag_and_refuses_more_than_seven_days_as_plain_text()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = ChiliPiper(sandbox);
        var now = time.GetUtcNow();
        var start = Iso(now.AddDays(-3));
        var end = Iso(now.AddDays(4));

        var first = await (await http.PutAsJsonAsync("v2/org/meetings/meetings", new { start, end, workspaceIds = new[] { ChiliPiperSeed.SalesWorkspaceId }, page = 0, pageSize = 2 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var last = await (await http.PutAsJsonAsync("v2/org/meetings/meetings", new { start, end, workspaceIds = new[] { ChiliPiperSeed.SalesWorkspaceId }, page = 1, pageSize = 2 }))
            .Content.ReadFromJsonAsync<JsonElement>();

        // Sales holds four meetings in the window (the three-week-old one is outside it).
        Assert.Equal("Yes", first.GetProperty("hasMore").GetString());
        Assert.True(first.GetProperty("hasMoreItems").GetBoolean());
        Assert.Equal("No", last.GetProperty("hasMore").GetString());
        Assert.False(last.GetProperty("hasMoreItems").GetBoolean());
        var ids = first.GetProperty("data").GetProperty("list").EnumerateArray().Concat(last.GetProperty("data").GetProperty("list").EnumerateArray())
            .Select(m => m.GetProperty("meetingId").GetString()!).ToArray();
        Assert.Equal<string[]>(
            [ChiliPiperMeetingSeed.PastMeetingId, ChiliPiperMeetingSeed.NoShowMeetingId, ChiliPiperMeetingSeed.UpcomingMeetingId, ChiliPiperMeetingSeed.BookedByAdminMeetingId],
            ids);
        var item = first.GetProperty("data").GetProperty("list")[0];
        Assert.Equal("Completed", item.GetProperty("meetingStatus").GetString());
        Assert.Equal(ChiliPiperSeed.BobSellerEmail, item.GetProperty("hostEmail").GetString());
        Assert.Equal("lena.lead@prospect.example", item.GetProperty("primaryGuest").GetProperty("value").GetString());

        var tooLong = await http.PutAsJsonAsync("v2/org/meetings/meetings", new { start, end = Iso(now.AddDays(4).AddSeconds(1)) });
        Assert.Equal(400, (int)tooLong.StatusCode);
        Assert.Equal("text/plain", tooLong.Content.Headers.ContentType?.MediaType);
        Assert.Contains("7 days", await tooLong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var emptyFilter = await http.PutAsJsonAsync("v2/org/meetings/meetings", new { start, end, hostIds = Array.Empty<string>() });
        var unknownField = await http.PutAsJsonAsync("v2/org/meetings/meetings", new { start, end, ownerIds = new[] { "x" } });
        var badStatus = await http.PutAsJsonAsync("v2/org/meetings/meetings", new { start, end, status = new[] { "Cancelled" } });
        Assert.Equal(400, (int)emptyFilter.StatusCode);
        Assert.Equal(400, (int)unknownField.StatusCode);
        Assert.Equal(400, (int)badStatus.StatusCode);
    }

    [Fact]
    public async Task The_export_is_a_csv_file_with_meeting_id_and_booked_at_columns()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = ChiliPiper(sandbox);
        var now = DateTimeOffset.UtcNow;

        var response = await http.PutAsJsonAsync("v3/org/meetings/meetings/export",
            new { start = Iso(now.AddDays(-3)), end = Iso(now.AddDays(3.9)), bookerIds = new[] { ChiliPiperSeed.AliceAdminId } });

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        Assert.Contains("meetingId", header);
        Assert.Contains("bookedAt", header);
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith(ChiliPiperMeetingSeed.BookedByAdminMeetingId + ",Active,", row);
        Assert.Contains(",\"Nina, Negotiator\",", row);
    }

    [Fact]
    public async Task Crm_lookups_accept_both_salesforce_id_forms_and_404_without_a_linked_meeting()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = ChiliPiper(sandbox);

        var full = await http.GetFromJsonAsync<JsonElement>($"v1/org/crm/get/{ChiliPiperMeetingSeed.NoShowMeetingCrmEventId}");
        var shortForm = await http.GetFromJsonAsync<JsonElement>($"v1/org/crm/get/{ChiliPiperMeetingSeed.NoShowMeetingCrmEventId[..15]}");
        var missing = await http.GetAsync("v1/org/crm/get/00U000000000000");

        Assert.Equal(ChiliPiperMeetingSeed.NoShowMeetingId, full.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(ChiliPiperMeetingSeed.NoShowMeetingId, shortForm.GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal("MeetingNotFound", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Running_a_scheduler_needs_a_distro_write_permission()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var readOnly = ChiliPiper(sandbox, SandboxCredentials.ChiliPiperReadOnlyToken);

        var run = await readOnly.PostAsync($"v1/org/resource-scheduler/{ChiliPiperMeetingSeed.LeadSweepSchedulerId}/run", null);
        var list = await readOnly.PostAsync("v1/org/distro/routers/list", null);

        Assert.Equal(403, (int)run.StatusCode);
        Assert.Contains("distro.modify", (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errorMessage").GetString());
        Assert.Equal(200, (int)list.StatusCode);
        Assert.Empty(sandbox.State.ChiliPiper.Meetings.GetSchedulerRuns());
    }
}
