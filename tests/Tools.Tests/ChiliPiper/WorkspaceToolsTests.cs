using System.Net;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class WorkspaceToolsTests
{
    private const string Base = "/api/fire-edge";
    private const string WorkspacePage = """{"results":[{"id":"w1","name":"Sales","metadata":{"revision":1},"nrOfUsers":3}],"total":1,"page":0,"pageSize":10}""";

    [Fact]
    public async Task workspace_list_gets_with_paging_as_query_and_the_bearer_token()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET {Base}/v1/org/workspace", 200, WorkspacePage);

        var body = ResultAssert.Success(await h.CallAsync("workspace-list", new { pagination = new { page = 2, pageSize = 50 } }));

        Assert.Equal("w1", body.GetProperty("results")[0].GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("?page=2&pageSize=50", sent.Query);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        Assert.Equal("", sent.Body);
    }

    [Theory]
    [InlineData(-1, null, "pagination.page")]
    [InlineData(null, 0, "pagination.pageSize")]
    [InlineData(null, 51, "pagination.pageSize")]
    public async Task workspace_list_refuses_paging_out_of_range(int? page, int? pageSize, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("workspace-list", new { pagination = new { page, pageSize } }));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task workspace_list_users_sends_the_workspace_and_paging_as_query()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET {Base}/v1/org/workspace/users", 200, """{"results":[],"total":0,"page":1,"pageSize":5}""");

        ResultAssert.Success(await h.CallAsync("workspace-list-users", new { workspaceId = "w1", pagination = new { page = 1, pageSize = 5 } }));

        var sent = h.Upstream.Single();
        Assert.Equal("?workspaceId=w1&page=1&pageSize=5", sent.Query);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task workspace_list_users_without_a_workspace_lists_the_whole_org()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET {Base}/v1/org/workspace/users", 200, """{"results":[],"total":0,"page":0,"pageSize":10}""");

        ResultAssert.Success(await h.CallAsync("workspace-list-users"));

        Assert.Equal("", h.Upstream.Single().Query);
    }

    [Fact]
    public async Task workspace_list_users_maps_an_unknown_workspace()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET {Base}/v1/org/workspace/users", 404, """{"errorCode":"WorkspaceNotFound","errorMessage":"Workspace w9 not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("workspace-list-users", new { workspaceId = "w9" }), "WorkspaceNotFound", 404);

        Assert.Contains("workspace-list", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task workspace_add_users_posts_the_workspace_and_ids_and_echoes_them_when_the_answer_is_empty()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On($"POST {Base}/v1/org/workspace/users/add", _ => new HttpResponseMessage(HttpStatusCode.OK));

        var body = ResultAssert.Success(await h.CallAsync("workspace-add-users", new { workspaceId = "w1", userIds = new[] { "u1", "u2", "u1" } }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("""{"workspaceId":"w1","userIds":["u1","u2"]}""", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        Assert.Equal("u2", body.GetProperty("added")[1].GetString());
    }

    [Theory]
    [InlineData("""{"workspaceId":"w1","userIds":[]}""", "userIds")]
    [InlineData("""{"workspaceId":"w1","userIds":["u1"," "]}""", "userIds")]
    [InlineData("""{"workspaceId":" ","userIds":["u1"]}""", "workspaceId")]
    public async Task workspace_add_users_refuses_blank_ids_and_empty_lists(string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("workspace-add-users", System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object>>(arguments)));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task workspace_add_users_with_a_read_only_token_surfaces_the_missing_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/workspace/users/add", 403,
            """{"errorCode":"Forbidden","errorMessage":"Missing permission workspace.modify required by operation workspaceAddUsers"}""");

        var error = ResultAssert.Error(await h.CallAsync("workspace-add-users", new { workspaceId = "w1", userIds = new[] { "u1" } }), "Forbidden", 403);

        Assert.Contains("workspace.modify", error.GetProperty("message").GetString());
        Assert.Contains("permission", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task workspace_remove_users_posts_to_remove_and_is_never_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson($"POST {Base}/v1/org/workspace/users/remove", 503, """{"errorCode":"Unavailable","errorMessage":"try later"}""");

        var error = ResultAssert.Error(await h.CallAsync("workspace-remove-users", new { workspaceId = "w1", userIds = new[] { "u1" } }), status: 503);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        var sent = h.Upstream.Single();
        Assert.Equal("""{"workspaceId":"w1","userIds":["u1"]}""", sent.Body);
    }

    [Fact]
    public async Task workspace_remove_users_maps_an_unknown_user()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/workspace/users/remove", 404, """{"errorCode":"UserNotFound","errorMessage":"User u9 not found"}""");

        ResultAssert.Error(await h.CallAsync("workspace-remove-users", new { workspaceId = "w1", userIds = new[] { "u9" } }), "UserNotFound", 404);
    }

    [Fact]
    public async Task workspace_remove_users_all_posts_only_the_user_ids()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/workspace/users/remove-from-all", 200, "{}");

        ResultAssert.Success(await h.CallAsync("workspace-remove-users-all", new { userIds = new[] { "u1" } }));

        var sent = h.Upstream.Single();
        Assert.Equal("""{"userIds":["u1"]}""", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task workspace_remove_users_all_refuses_an_empty_list()
    {
        await using var h = await ToolHarness.StartAsync();

        ResultAssert.Error(await h.CallAsync("workspace-remove-users-all", new { userIds = Array.Empty<string>() }));

        Assert.Empty(h.Upstream.Requests);
    }
}
