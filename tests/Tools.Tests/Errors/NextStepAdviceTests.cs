using Serverless.Tools.ChiliPiper;
using Serverless.Tools.PilotStatus;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.Errors;

/// <summary>
/// Advice comes from the upstream that answered, or from the argument check that refused: a code one vendor
/// uses never gives another vendor's advice, and an argument error names its own parameters and rule.
/// </summary>
public sealed class NextStepAdviceTests
{
    [Fact]
    public async Task A_meeting_window_with_start_equal_to_end_is_told_to_make_end_later_than_start()
    {
        await using var h = await ToolHarness.StartAsync();

        var result = await h.CallAsync("meeting-list-put", new { start = "2026-03-01T10:00:00Z", end = "2026-03-01T10:00:00Z" });

        var error = ResultAssert.Error(result, "INVALID_DATE_RANGE");
        var next = error.GetProperty("next").GetString()!;
        Assert.Equal("end", error.GetProperty("parameter").GetString());
        Assert.Contains("'end' later than 'start'", next, StringComparison.Ordinal);
        Assert.DoesNotContain("startDate", next, StringComparison.Ordinal);
        Assert.DoesNotContain("equal", next, StringComparison.Ordinal);
        Assert.Contains("Next: " + next, ResultAssert.Text(result), StringComparison.Ordinal);
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task A_pilot_status_date_range_refused_by_the_tool_names_its_own_parameters()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("messages_group", new { startDate = "2026-03-02T00:00:00Z", endDate = "2026-03-01T00:00:00Z" }), "INVALID_DATE_RANGE");

        Assert.Equal("Make 'startDate' earlier than or equal to 'endDate' and call again.", error.GetProperty("next").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task The_same_vendor_code_from_another_upstream_does_not_get_pilot_status_advice()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/messages/group", 400, """{"error":"bad range","code":"INVALID_DATE_RANGE"}""");
        h.Upstream.OnJson("PUT /api/fire-edge/v2/org/meetings/meetings", 400, """{"errorCode":"INVALID_DATE_RANGE","errorMessage":"bad range"}""");

        var pilotStatus = ResultAssert.Error(await h.CallAsync("messages_group"), "INVALID_DATE_RANGE", 400);
        var chiliPiper = ResultAssert.Error(await h.CallAsync("meeting-list-put", new { start = "2026-03-01T10:00:00Z", end = "2026-03-02T10:00:00Z" }), "INVALID_DATE_RANGE", 400);

        Assert.Equal(PilotStatusNextSteps.For("INVALID_DATE_RANGE", null), pilotStatus.GetProperty("next").GetString());
        Assert.Null(ChiliPiperNextSteps.For("INVALID_DATE_RANGE"));
        Assert.Equal("Fix the argument the message names and call again.", chiliPiper.GetProperty("next").GetString());
    }

    [Fact]
    public void Each_upstream_has_its_own_table_and_the_tables_share_no_code()
    {
        Assert.NotEmpty(PilotStatusNextSteps.Codes);
        Assert.NotEmpty(ChiliPiperNextSteps.Codes);
        Assert.Empty(PilotStatusNextSteps.Codes.Intersect(ChiliPiperNextSteps.Codes, StringComparer.OrdinalIgnoreCase));

        // Codes only the gateway's own checks raise carry their advice where they are raised, not in a vendor's table.
        string[] ownCodes = ["DATE_RANGE_TOO_LONG", "RESPONSE_TOO_LARGE", "INVALID_HEADER", "INVALID_ARGUMENT"];
        Assert.Empty(ownCodes.Intersect(PilotStatusNextSteps.Codes.Concat(ChiliPiperNextSteps.Codes)));
    }

    [Fact]
    public async Task A_meeting_window_over_seven_days_carries_the_split_advice_from_its_check()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("meeting-list-put", new { start = "2026-03-01T00:00:00Z", end = "2026-03-09T00:00:00Z" }), "DATE_RANGE_TOO_LONG");

        Assert.Contains("windows of 7 days or less", error.GetProperty("next").GetString(), StringComparison.Ordinal);
        Assert.Empty(h.Upstream.Requests);
    }
}
