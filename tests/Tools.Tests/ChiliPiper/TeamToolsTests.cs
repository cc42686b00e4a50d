using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class TeamToolsTests
{
    private const string Base = "/api/fire-edge";
    private const string Team = """{"id":"t1","workspaceId":"w1","name":"Reps","members":["u1","u2"],"metadata":{"revision":2}}""";

    [Fact]
    public async Task team_list_put_sends_filters_and_flat_paging_in_the_body()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v2/org/team", 200, $$"""{"results":[{{Team}}],"total":1,"page":1,"pageSize":20}""");

        var body = ResultAssert.Success(await h.CallAsync("team-list-put", new
        {
            workspaceIds = new[] { "w1" },
            name = "Reps",
            member = new[] { "u1" },
            pagination = new { page = 1, pageSize = 20 },
        }));

        Assert.Equal("t1", body.GetProperty("results")[0].GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal("", sent.Query);
        Assert.Equal("""{"workspaceIds":["w1"],"name":"Reps","member":["u1"],"page":1,"pageSize":20}""", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task team_list_put_without_filters_sends_an_empty_object_and_never_an_empty_array()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v2/org/team", 200, """{"results":[],"total":0,"page":0,"pageSize":10}""");

        ResultAssert.Success(await h.CallAsync("team-list-put", new { workspaceIds = Array.Empty<string>(), member = Array.Empty<string>() }));

        Assert.Equal("{}", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task team_list_put_is_a_read_and_is_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "1" });
        var calls = 0;
        h.Upstream.On($"PUT {Base}/v2/org/team", _ => ++calls == 1
            ? FakeUpstream.Json(502, "{}")
            : FakeUpstream.Json(200, """{"results":[],"total":0,"page":0,"pageSize":10}"""));

        ResultAssert.Success(await h.CallAsync("team-list-put"));

        Assert.Equal(2, h.Upstream.Requests.Count);
    }

    [Theory]
    [InlineData(-1, null, "pagination.page")]
    [InlineData(null, 0, "pagination.pageSize")]
    [InlineData(null, 201, "pagination.pageSize")]
    public async Task team_list_put_refuses_paging_out_of_range(int? page, int? pageSize, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("team-list-put", new { pagination = new { page, pageSize } }));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task team_list_put_refuses_a_blank_workspace_id()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("team-list-put", new { workspaceIds = new[] { "w1", "" } }));

        Assert.Equal("workspaceIds", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task team_add_users_posts_team_and_ids_and_returns_the_updated_team()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/team/users/add", 200, Team);

        var body = ResultAssert.Success(await h.CallAsync("team-add-users", new { teamId = "t1", userIds = new[] { "u2" } }));

        Assert.Equal(2, body.GetProperty("members").GetArrayLength());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("""{"teamId":"t1","userIds":["u2"]}""", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task team_add_users_refuses_a_blank_team_and_no_users()
    {
        await using var h = await ToolHarness.StartAsync();

        var blank = ResultAssert.Error(await h.CallAsync("team-add-users", new { teamId = "", userIds = new[] { "u1" } }));
        var none = ResultAssert.Error(await h.CallAsync("team-add-users", new { teamId = "t1", userIds = Array.Empty<string>() }));

        Assert.Equal("teamId", blank.GetProperty("parameter").GetString());
        Assert.Equal("userIds", none.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task team_add_users_maps_an_unknown_team()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/team/users/add", 404, """{"errorCode":"TeamNotFound","errorMessage":"Team t9 not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("team-add-users", new { teamId = "t9", userIds = new[] { "u1" } }), "TeamNotFound", 404);

        Assert.Contains("team-list-put", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task team_remove_users_posts_to_remove()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/team/users/remove", 200, Team);

        ResultAssert.Success(await h.CallAsync("team-remove-users", new { teamId = "t1", userIds = new[] { "u3" } }));

        var sent = h.Upstream.Single();
        Assert.Equal("""{"teamId":"t1","userIds":["u3"]}""", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task team_remove_users_all_sends_workspaces_only_when_given()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/team/users/remove-from-all", 200, "{}");

        ResultAssert.Success(await h.CallAsync("team-remove-users-all", new { userIds = new[] { "u1" } }));
        ResultAssert.Success(await h.CallAsync("team-remove-users-all", new { userIds = new[] { "u1" }, workspaceIds = new[] { "w1" } }));

        Assert.Equal("""{"userIds":["u1"]}""", h.Upstream.Requests[0].Body);
        Assert.Equal("""{"userIds":["u1"],"workspaceIds":["w1"]}""", h.Upstream.Requests[1].Body);
        Assert.Equal("Bearer cp_test_token", h.Upstream.Requests[1].Header("authorization"));
    }

    [Fact]
    public async Task team_remove_users_all_with_a_read_only_token_names_the_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/team/users/remove-from-all", 403,
            """{"errorCode":"Forbidden","errorMessage":"Missing permission team.modify required by operation teamRemoveUsersAll"}""");

        var error = ResultAssert.Error(await h.CallAsync("team-remove-users-all", new { userIds = new[] { "u1" } }), "Forbidden", 403);

        Assert.Contains("team.modify", error.GetProperty("message").GetString());
        Assert.Equal("""{"userIds":["u1"]}""", h.Upstream.Single().Body);
    }
}
