using System.Net;
using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class DistributionToolsTests
{
    private const string Base = "/api/fire-edge";
    private const string MeetingConfig = """{"type":"Meeting","handling":{"type":"Flexible","reassignmentType":"AnyTeamMember","allowPickingAssignee":false},"limits":{"type":"MeetingLimitUnset"}}""";

    private const string Item = """
        {"id":"d1","published":{"distributionId":"d1","workspaceId":"w1","name":"Demo RR","teamRef":{"id":"t1","revision":1},
         "weights":[{"userId":"u1","weight":100},{"userId":"u2","weight":200}],"manualCalibration":[{"userId":"u2","calibration":3}],
         "assignmentTypeConfig":{"type":"Conversation"}},"state":{"userStates":[]},"prioritization":{}}
        """;

    private static readonly string Paged = $$"""{"results":[{{Item}}],"total":1,"page":0,"pageSize":200}""";

    private static Dictionary<string, object?> Args(string json) => JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;

    [Fact]
    public async Task distribution_list_put_sends_filters_and_flat_paging_in_the_body()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v2/org/distribution/list", 200, Paged);

        var body = ResultAssert.Success(await h.CallAsync("distribution-list-put", new
        {
            workspaceIds = new[] { "w1" },
            name = "Demo",
            assignmentType = "Meeting",
            pagination = new { page = 0, pageSize = 25 },
        }));

        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.False(body.TryGetProperty("_note", out _));
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal("""{"workspaceIds":["w1"],"name":"Demo","assignmentType":"Meeting","page":0,"pageSize":25}""", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task distribution_list_put_turns_a_bare_array_into_the_paged_shape()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v2/org/distribution/list", 200, $"[{Item}]");

        var body = ResultAssert.Success(await h.CallAsync("distribution-list-put", new { pagination = new { page = 3 } }));

        Assert.Equal("d1", body.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Equal(3, body.GetProperty("page").GetInt32());
        Assert.Contains("bare array", body.GetProperty("_note").GetString());
        Assert.Equal("""{"page":3}""", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task distribution_list_put_refuses_an_unknown_assignment_type_and_a_huge_page()
    {
        await using var h = await ToolHarness.StartAsync();

        Assert.True((await h.CallAsync("distribution-list-put", new { assignmentType = "Lead" })).IsError);
        var paging = ResultAssert.Error(await h.CallAsync("distribution-list-put", new { pagination = new { pageSize = 500 } }));

        Assert.Equal("pagination.pageSize", paging.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task distribution_create_posts_the_published_schema_fields()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/distribution", 200, """{"distributionId":"d9"}""");

        var body = ResultAssert.Success(await h.CallAsync("distribution-create", Args($$"""
            {"teamId":"t1","workspaceId":"w1","name":"New RR","assignmentTypeConfig":{{MeetingConfig}},
             "weights":[{"userId":"u1","weight":150}],"manualCalibration":[{"userId":"u1","calibration":-2}],
             "capping":{"userCaps":[{"userId":"u1","limit":5}],"resetPeriodicity":{"type":"Daily","timeZone":"UTC"} } }
            """)));

        Assert.Equal("d9", body.GetProperty("distributionId").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        using var json = JsonDocument.Parse(sent.Body);
        var root = json.RootElement;
        Assert.Equal("t1", root.GetProperty("teamId").GetString());
        Assert.Equal("w1", root.GetProperty("workspaceId").GetString());
        Assert.Equal("New RR", root.GetProperty("name").GetString());
        Assert.Equal("Flexible", root.GetProperty("assignmentTypeConfig").GetProperty("handling").GetProperty("type").GetString());
        Assert.Equal(150, root.GetProperty("weights")[0].GetProperty("weight").GetInt32());
        Assert.Equal(-2, root.GetProperty("manualCalibration")[0].GetProperty("calibration").GetInt32());
        Assert.Equal("Daily", root.GetProperty("capping").GetProperty("resetPeriodicity").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("""{"teamId":"t1","workspaceId":"w1","name":"X","assignmentTypeConfig":{"handling":{}}}""", "assignmentTypeConfig")]
    [InlineData("""{"teamId":"t1","workspaceId":"w1","name":"X","assignmentTypeConfig":"Meeting"}""", "assignmentTypeConfig")]
    [InlineData("""{"teamId":"t1","workspaceId":"w1","name":" ","assignmentTypeConfig":{"type":"Conversation"}}""", "name")]
    [InlineData("""{"teamId":"","workspaceId":"w1","name":"X","assignmentTypeConfig":{"type":"Conversation"}}""", "teamId")]
    [InlineData("""{"teamId":"t1","workspaceId":"w1","name":"X","assignmentTypeConfig":{"type":"Conversation"},"weights":[{"userId":"u1","weight":10001}]}""", "weights")]
    [InlineData("""{"teamId":"t1","workspaceId":"w1","name":"X","assignmentTypeConfig":{"type":"Conversation"},"weights":[{"userId":"u1","weight":-1}]}""", "weights")]
    [InlineData("""{"teamId":"t1","workspaceId":"w1","name":"X","assignmentTypeConfig":{"type":"Conversation"},"weights":[{"userId":"u1","weight":1},{"userId":"u1","weight":2}]}""", "weights")]
    [InlineData("""{"teamId":"t1","workspaceId":"w1","name":"X","assignmentTypeConfig":{"type":"Conversation"},"capping":{"userCaps":[]}}""", "capping.resetPeriodicity")]
    public async Task distribution_create_refuses_documented_mistakes_before_calling(string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("distribution-create", Args(arguments)));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task distribution_create_maps_an_unknown_team_and_is_never_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson($"POST {Base}/v1/org/distribution", 404, """{"errorCode":"TeamNotFound","errorMessage":"Team t9 not found"}""");

        ResultAssert.Error(await h.CallAsync("distribution-create", Args("""{"teamId":"t9","workspaceId":"w1","name":"X","assignmentTypeConfig":{"type":"Conversation"}}""")), "TeamNotFound", 404);

        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task distribution_update_v3_posts_the_whole_config_to_the_v3_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v3/org/distribution/d1", 200, Item);

        var body = ResultAssert.Success(await h.CallAsync("distribution-update-v3", Args($$"""
            {"distributionId":"d1","body":{"name":"Renamed","assignmentTypeConfig":{{MeetingConfig}},"weights":[{"userId":"u1","weight":0}]} }
            """)));

        Assert.Equal("d1", body.GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("Renamed", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("weights")[0].GetProperty("weight").GetInt32());
    }

    [Theory]
    [InlineData("""{"assignmentTypeConfig":{"type":"Conversation"}}""", "body")]
    [InlineData("""{"name":"X"}""", "body.assignmentTypeConfig")]
    [InlineData("""{"name":"X","assignmentTypeConfig":{"type":"Conversation"},"weights":[{"userId":"u1","weight":20000}]}""", "body.weights")]
    [InlineData("""{"name":"X","assignmentTypeConfig":{"type":"Conversation"},"weights":{"u1":5}}""", "body.weights")]
    public async Task distribution_update_v3_refuses_a_partial_or_out_of_range_config(string config, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("distribution-update-v3", Args($$"""{"distributionId":"d1","body":{{config}}}""")));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task distribution_adjust_v3_reads_first_then_posts_the_deltas_and_reports_old_delta_new()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v2/org/distribution/list", 200, Paged);
        h.Upstream.OnJson($"POST {Base}/v3/org/distribution/d1/adjust", 200, Item);

        var result = await h.CallAsync("distribution-adjust-v3", Args("""
            {"distributionId":"d1","body":{"weights":[{"userId":"u1","weight":50},{"userId":"u3","weight":-20}],"manualCalibration":[{"userId":"u2","calibration":-1}]}}
            """));
        var body = ResultAssert.Success(result);

        Assert.Equal(2, h.Upstream.Requests.Count);
        Assert.Equal(HttpMethod.Put, h.Upstream.Requests[0].Method);
        Assert.Equal("""{"page":0,"pageSize":200}""", h.Upstream.Requests[0].Body);
        var adjust = h.Upstream.Requests[1];
        Assert.Equal(HttpMethod.Post, adjust.Method);
        Assert.Equal("Bearer cp_test_token", adjust.Header("authorization"));
        Assert.Equal("""{"weights":[{"userId":"u1","weight":50},{"userId":"u3","weight":-20}],"manualCalibration":[{"userId":"u2","calibration":-1}]}""", adjust.Body);

        var changes = body.GetProperty("changes");
        AssertChange(changes[0], "u1", "weight", 100, 50, 150);
        AssertChange(changes[1], "u3", "weight", 100, -20, 80);
        AssertChange(changes[2], "u2", "calibration", 3, -1, 2);
        var note = body.GetProperty("_note").GetString()!;
        Assert.Contains("new = old + delta", note);
        Assert.Contains("second time", note);
    }

    [Fact]
    public async Task distribution_adjust_v3_refuses_a_delta_that_leaves_the_weight_range_before_writing()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v2/org/distribution/list", 200, Paged);

        var error = ResultAssert.Error(await h.CallAsync("distribution-adjust-v3", Args("""
            {"distributionId":"d1","body":{"weights":[{"userId":"u2","weight":-250}]}}
            """)));

        Assert.Contains("-50", error.GetProperty("message").GetString());
        Assert.DoesNotContain(h.Upstream.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task distribution_adjust_v3_still_adjusts_when_the_preview_read_is_refused()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v2/org/distribution/list", 403, """{"errorCode":"Forbidden","errorMessage":"Missing permission distribution.read"}""");
        h.Upstream.On($"POST {Base}/v3/org/distribution/d1/adjust", _ => new HttpResponseMessage(HttpStatusCode.OK));

        var body = ResultAssert.Success(await h.CallAsync("distribution-adjust-v3", Args("""{"distributionId":"d1","body":{"weights":[{"userId":"u1","weight":5}]}}""")));

        var change = body.GetProperty("changes")[0];
        Assert.Equal(5, change.GetProperty("delta").GetInt32());
        Assert.Equal(JsonValueKind.Null, change.GetProperty("old").ValueKind);
        Assert.Contains("could not be read", body.GetProperty("_note").GetString());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"weights":[]}""")]
    [InlineData("""{"weights":[{"userId":"u1"}]}""")]
    [InlineData("""{"weights":[{"weight":5}]}""")]
    [InlineData("""{"manualCalibration":[{"userId":"u1","calibration":1},{"userId":"u1","calibration":2}]}""")]
    public async Task distribution_adjust_v3_refuses_a_body_without_usable_deltas(string deltas)
    {
        await using var h = await ToolHarness.StartAsync();

        ResultAssert.Error(await h.CallAsync("distribution-adjust-v3", Args($$"""{"distributionId":"d1","body":{{deltas}}}""")));

        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task distribution_adjust_v3_is_never_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson($"PUT {Base}/v2/org/distribution/list", 200, Paged);
        h.Upstream.OnJson($"POST {Base}/v3/org/distribution/d1/adjust", 503, """{"errorCode":"Unavailable","errorMessage":"down"}""");

        var error = ResultAssert.Error(await h.CallAsync("distribution-adjust-v3", Args("""{"distributionId":"d1","body":{"weights":[{"userId":"u1","weight":5}]}}""")), status: 503);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task distribution_adjust_v3_maps_the_weight_range_error_of_the_upstream()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v2/org/distribution/list", 200, """{"results":[],"total":0,"page":0,"pageSize":200}""");
        h.Upstream.OnJson($"POST {Base}/v3/org/distribution/d7/adjust", 422, """{"errorCode":"WeightOutOfRange","errorMessage":"Weight of user u1 would become -5"}""");

        var error = ResultAssert.Error(await h.CallAsync("distribution-adjust-v3", Args("""{"distributionId":"d7","body":{"weights":[{"userId":"u1","weight":-105}]}}""")), "WeightOutOfRange", 422);

        Assert.Contains("0 and 10000", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task distribution_delete_sends_delete_on_the_id_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On($"DELETE {Base}/v1/org/distribution/d%201", _ => new HttpResponseMessage(HttpStatusCode.OK));

        var body = ResultAssert.Success(await h.CallAsync("distribution-delete", new { distributionId = "d 1" }));

        Assert.True(body.GetProperty("deleted").GetBoolean());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal("", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task distribution_delete_maps_an_unknown_distribution()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"DELETE {Base}/v1/org/distribution/d9", 404, """{"errorCode":"DistributionNotFound","errorMessage":"Distribution d9 not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("distribution-delete", new { distributionId = "d9" }), "DistributionNotFound", 404);

        Assert.Contains("distribution-list-put", error.GetProperty("next").GetString());
    }

    private static void AssertChange(JsonElement change, string userId, string field, int old, int delta, int updated)
    {
        Assert.Equal(userId, change.GetProperty("userId").GetString());
        Assert.Equal(field, change.GetProperty("field").GetString());
        Assert.Equal(old, change.GetProperty("old").GetInt32());
        Assert.Equal(delta, change.GetProperty("delta").GetInt32());
        Assert.Equal(updated, change.GetProperty("new").GetInt32());
    }
}
