using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class CrmToolsTests
{
    private const string SalesforceEventId = "00U5e00000FgHiJAAY";

    [Theory]
    [InlineData("crm-get", "get")]
    [InlineData("crm-cancel", "cancel")]
    [InlineData("crm-noshow", "noshow")]
    [InlineData("crm-activity", "activity")]
    public async Task Each_crm_tool_is_a_get_on_its_path_with_the_event_id(string tool, string segment)
    {
        await using var h = await ToolHarness.StartAsync();
        var answer = segment switch
        {
            "get" => """{"data":{"id":"m1","meetingStatus":"Active"},"hasMore":"No"}""",
            "activity" => """{"url":"https://acme.chilipiper.com/admin/meetings/m1/activity"}""",
            _ => """{"type":"Success"}""",
        };
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/crm/{segment}/{SalesforceEventId}", 200, answer);

        ResultAssert.Success(await h.CallAsync(tool, new { crmEventId = $" {SalesforceEventId} " }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal($"https://cp.test/api/fire-edge/v1/org/crm/{segment}/{SalesforceEventId}", sent.Uri.ToString());
        Assert.Equal("", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task crm_get_returns_the_meeting_record()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/crm/get/38492019", 200, """{"data":{"id":"m1","meetingStatus":"Canceled"},"hasMore":"No"}""");

        var body = ResultAssert.Success(await h.CallAsync("crm-get", new { crmEventId = "38492019" }));

        Assert.Equal("Canceled", body.GetProperty("data").GetProperty("meetingStatus").GetString());
    }

    [Fact]
    public async Task crm_activity_turns_a_bare_link_into_url()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/crm/activity/38492019", 200, "\"https://acme.chilipiper.com/admin/meetings/m1/activity\"");

        var body = ResultAssert.Success(await h.CallAsync("crm-activity", new { crmEventId = "38492019" }));

        Assert.Equal("https://acme.chilipiper.com/admin/meetings/m1/activity", body.GetProperty("url").GetString());
    }

    [Fact]
    public async Task An_event_id_is_one_path_segment_whatever_it_contains()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/crm/get/a%2Fb", 404, """{"errorCode":"MeetingNotFound","errorMessage":"none"}""");

        ResultAssert.Error(await h.CallAsync("crm-get", new { crmEventId = "a/b" }), "MeetingNotFound", 404);

        Assert.EndsWith("/v1/org/crm/get/a%2Fb", h.Upstream.Single().Uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("crm-get")]
    [InlineData("crm-cancel")]
    [InlineData("crm-noshow")]
    [InlineData("crm-activity")]
    public async Task A_blank_event_id_is_refused_before_calling(string tool)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync(tool, new { crmEventId = "  " }));

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());

        Assert.Equal("crmEventId", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Theory]
    [InlineData("crm-get", "get")]
    [InlineData("crm-cancel", "cancel")]
    [InlineData("crm-noshow", "noshow")]
    [InlineData("crm-activity", "activity")]
    public async Task An_event_without_a_linked_meeting_is_a_404_with_a_hint(string tool, string segment)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/crm/{segment}/00U000000000000", 404, """{"errorCode":"NotFound","errorMessage":"No meeting linked to this event"}""");

        var error = ResultAssert.Error(await h.CallAsync(tool, new { crmEventId = "00U000000000000" }), "NotFound", 404);

        Assert.Equal("No meeting linked to this event", error.GetProperty("message").GetString());
        Assert.Contains("list the resources", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task crm_cancel_failure_inside_a_200_is_an_error_and_is_not_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/crm/cancel/{SalesforceEventId}", 200, """{"type":"Failure","reason":"Meeting has already taken place"}""");

        var error = ResultAssert.Error(await h.CallAsync("crm-cancel", new { crmEventId = SalesforceEventId }), "Failure", 200);

        Assert.Equal("Meeting has already taken place", error.GetProperty("message").GetString());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task crm_noshow_with_a_read_only_token_names_the_missing_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET /api/fire-edge/v1/org/crm/noshow/{SalesforceEventId}", 403, """{"errorCode":"Forbidden","errorMessage":"Missing permission meeting.modify required by operation crmNoshow"}""");

        var error = ResultAssert.Error(await h.CallAsync("crm-noshow", new { crmEventId = SalesforceEventId }), "Forbidden", 403);

        Assert.Contains("meeting.modify", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task crm_get_without_a_chili_piper_token_says_which_header_to_send()
    {
        await using var h = await ToolHarness.StartAsync(new Serverless.Tools.Upstreams.CallerCredentials { PilotStatusApiKey = "ps_x" });

        ResultAssert.Error(await h.CallAsync("crm-get", new { crmEventId = SalesforceEventId }), "CREDENTIAL_MISSING");

        Assert.Empty(h.Upstream.Requests);
    }
}
