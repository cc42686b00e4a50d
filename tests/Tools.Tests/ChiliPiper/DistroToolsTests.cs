using System.Net;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class DistroToolsTests
{
    private const string SchedulerId = "d8000000-0000-4000-8000-000000000001";
    private const string RunPath = $"POST /api/fire-edge/v1/org/resource-scheduler/{SchedulerId}/run";

    [Fact]
    public async Task distro_list_routers_posts_without_a_body_and_returns_the_routers()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /api/fire-edge/v1/org/distro/routers/list", 200,
            $$$"""{"routers":[{"id":"r1","name":"Sweep","status":{"type":"Active"},"trigger":{"objectType":{"type":"Lead"},"eventTypes":[{"type":"Scheduled","schedulerId":"{{{SchedulerId}}}"}]}}]}""");

        var body = ResultAssert.Success(await h.CallAsync("distro-list-routers"));

        Assert.Equal(SchedulerId, body.GetProperty("routers")[0].GetProperty("trigger").GetProperty("eventTypes")[0].GetProperty("schedulerId").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://cp.test/api/fire-edge/v1/org/distro/routers/list", sent.Uri.ToString());
        Assert.Equal("", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task distro_list_routers_is_a_read_and_is_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "1" });
        var calls = 0;
        h.Upstream.On("POST /api/fire-edge/v1/org/distro/routers/list", _ => ++calls == 1 ? FakeUpstream.Json(503, "{}") : FakeUpstream.Json(200, """{"routers":[]}"""));

        ResultAssert.Success(await h.CallAsync("distro-list-routers"));

        Assert.Equal(2, h.Upstream.Requests.Count);
    }

    [Fact]
    public async Task distro_list_routers_with_a_token_lacking_distro_read_gets_the_missing_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /api/fire-edge/v1/org/distro/routers/list", 403, """{"errorCode":"Forbidden","errorMessage":"Missing permission distro.read required by operation distroListRouters"}""");

        var error = ResultAssert.Error(await h.CallAsync("distro-list-routers"), "Forbidden", 403);

        Assert.Contains("distro.read", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task resource_scheduler_run_posts_to_the_scheduler_path_and_returns_the_answer()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(RunPath, 200, $$"""{"runId":"run1","resourceSchedulerId":"{{SchedulerId}}"}""");

        var body = ResultAssert.Success(await h.CallAsync("resource-scheduler-run", new { resourceSchedulerId = SchedulerId }));

        Assert.Equal("run1", body.GetProperty("runId").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("", sent.Body);
        Assert.Equal("", sent.Query);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task resource_scheduler_run_with_an_empty_answer_says_it_started()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On(RunPath, _ => new HttpResponseMessage(HttpStatusCode.OK));

        var body = ResultAssert.Success(await h.CallAsync("resource-scheduler-run", new { resourceSchedulerId = SchedulerId }));

        Assert.True(body.GetProperty("started").GetBoolean());
        Assert.Equal(SchedulerId, body.GetProperty("resourceSchedulerId").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("nightly-sweep")]
    public async Task resource_scheduler_run_refuses_an_id_that_is_not_a_uuid(string id)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("resource-scheduler-run", new { resourceSchedulerId = id }));

        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());

        Assert.Equal("resourceSchedulerId", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task resource_scheduler_run_unknown_scheduler_is_a_404()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(RunPath, 404, """{"errorCode":"ResourceSchedulerNotFound","errorMessage":"Resource scheduler not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("resource-scheduler-run", new { resourceSchedulerId = SchedulerId }), "ResourceSchedulerNotFound", 404);

        Assert.Contains("list the resources", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task resource_scheduler_run_is_never_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson(RunPath, 503, """{"errorCode":"Unavailable","errorMessage":"try later"}""");

        var error = ResultAssert.Error(await h.CallAsync("resource-scheduler-run", new { resourceSchedulerId = SchedulerId }), status: 503);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }
}
