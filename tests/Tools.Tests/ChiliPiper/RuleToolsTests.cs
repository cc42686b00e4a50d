using System.Net;
using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class RuleToolsTests
{
    private const string Base = "/api/fire-edge";

    private const string Conditions = """
        {"type":"ConditionGroup","id":"g1","operator":"and","conditions":[
          {"type":"StaticValueCondition","conditionId":"c1","dataReference":{"source":"DF","object":"Form","field":"Country"},"operator":"equal","value":"Brazil"}]}
        """;

    private static readonly string Dto = $$"""{"type":"CreateRuleRequest","workspaceId":"w1","name":"Brazil","conditions":{{Conditions}}}""";

    private static readonly string View = $$"""
        {"type":"NonOwnershipRule","id":"r1","workspaceId":"w1","name":"Brazil","conditions":{{Conditions}},"ruleBuilderVersion":"ExplicitV1","metadata":{"revision":4} }
        """;

    private static Dictionary<string, object?> Args(string json) => JsonSerializer.Deserialize<Dictionary<string, object?>>(json)!;

    [Fact]
    public async Task rule_list_sends_paging_and_filters_as_query_parameters()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET {Base}/v1/org/rule/list", 200, $$"""{"results":[{{View}}],"total":1,"page":0,"pageSize":50}""");

        var body = ResultAssert.Success(await h.CallAsync("rule-list", new
        {
            filter = new { workspaceId = "w1", name = "Bra zil", ruleBuilderVersion = new[] { "ExplicitV1" } },
            pagination = new { page = 0, pageSize = 50 },
        }));

        Assert.Equal(4, body.GetProperty("results")[0].GetProperty("metadata").GetProperty("revision").GetInt32());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("?page=0&pageSize=50&workspaceId=w1&name=Bra%20zil", sent.Query);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task rule_list_applies_the_type_filter_to_the_returned_page()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET {Base}/v1/org/rule/list", 200, $$"""
            {"results":[{{View}},{"type":"OwnershipRule","id":"r2","workspaceId":"w1","name":"Owner","conditions":{},"ruleBuilderVersion":"ExplicitV1","metadata":{"revision":1} }],"total":2,"page":0,"pageSize":200}
            """);

        var body = ResultAssert.Success(await h.CallAsync("rule-list", new { filter = new { type = new[] { "OwnershipRule" } } }));

        var results = body.GetProperty("results");
        Assert.Equal("r2", Assert.Single(results.EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("this page only", body.GetProperty("_note").GetString());
        Assert.Equal("", h.Upstream.Single().Query);
    }

    [Theory]
    [InlineData("""{"filter":{"type":["Ownership"]}}""", "filter.type")]
    [InlineData("""{"filter":{"ruleBuilderVersion":["Legacy"]}}""", "filter.ruleBuilderVersion")]
    [InlineData("""{"pagination":{"pageSize":201}}""", "pagination.pageSize")]
    [InlineData("""{"pagination":{"page":-1}}""", "pagination.page")]
    public async Task rule_list_refuses_filters_and_paging_it_cannot_honour(string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("rule-list", Args(arguments)));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task rule_get_reads_the_rule_by_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET {Base}/v1/org/rule/r1", 200, View);

        var body = ResultAssert.Success(await h.CallAsync("rule-get", new { ruleId = "r1" }));

        Assert.Equal("NonOwnershipRule", body.GetProperty("type").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task rule_get_maps_an_unknown_or_deleted_rule()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"GET {Base}/v1/org/rule/r9", 404, """{"errorCode":"RuleNotFound","errorMessage":"Rule r9 not found"}""");

        var error = ResultAssert.Error(await h.CallAsync("rule-get", new { ruleId = "r9" }), "RuleNotFound", 404);

        Assert.Contains("rule-list", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task rule_create_wraps_the_dto_in_the_body()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/rule", 200, View);

        ResultAssert.Success(await h.CallAsync("rule-create", Args($$"""{"dto":{{Dto}}}""")));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        using var json = JsonDocument.Parse(sent.Body);
        var dto = json.RootElement.GetProperty("dto");
        Assert.Equal("CreateRuleRequest", dto.GetProperty("type").GetString());
        Assert.Equal("StaticValueCondition", dto.GetProperty("conditions").GetProperty("conditions")[0].GetProperty("type").GetString());
        Assert.Single(json.RootElement.EnumerateObject());
    }

    [Theory]
    [InlineData("""{"workspaceId":"w1","name":"X","conditions":{"type":"ConditionGroup","id":"g","operator":"and","conditions":[{"type":"SingleParameterCondition"}]}}""", "dto")]
    [InlineData("""{"type":"CreateRuleRequest","workspaceId":"w1","name":"X"}""", "dto")]
    [InlineData("""{"type":"CreateRuleRequest","workspaceId":"w1","name":"X","conditions":{"id":"g","operator":"and","conditions":[]}}""", "dto.conditions")]
    [InlineData("""{"type":"CreateRuleRequest","workspaceId":"w1","name":"X","conditions":{"type":"ConditionGroup","id":"g","operator":"and","conditions":[]}}""", "dto.conditions")]
    [InlineData("""{"type":"CreateRuleRequest","workspaceId":"w1","name":"X","conditions":{"type":"ConditionGroup","id":"g","operator":"or","conditions":[{"conditionId":"c1","operator":"notEmpty"}]}}""", "dto.conditions.conditions[0]")]
    public async Task rule_create_refuses_untyped_nodes_and_empty_groups(string dto, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("rule-create", Args($$"""{"dto":{{dto}}}""")));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task rule_create_maps_a_missing_ownership_reference()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"POST {Base}/v1/org/rule", 400,
            """{"errorCode":"OwnershipConditionMissingReference","errorMessage":"An OwnershipCondition needs an ownership reference"}""");

        var error = ResultAssert.Error(await h.CallAsync("rule-create", Args("""
            {"dto":{"type":"CreateOwnershipRuleRequest","workspaceId":"w1","name":"Owner","conditions":{"type":"OwnershipCondition","conditionId":"o1"}}}
            """)), "OwnershipConditionMissingReference", 400);

        Assert.Contains("ownership", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task rule_create_passes_the_plain_text_decoding_failure_through()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On($"POST {Base}/v1/org/rule", _ => FakeUpstream.Text(400, "Invalid value for: body"));

        var error = ResultAssert.Error(await h.CallAsync("rule-create", Args($$"""{"dto":{{Dto}}}""")), status: 400);

        Assert.Equal("Invalid value for: body", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task rule_modify_sends_rule_and_revision_as_query_and_the_dto_as_body()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v1/org/rule", 200, View);

        ResultAssert.Success(await h.CallAsync("rule-modify", Args($$"""{"ruleId":"r1","revision":4,"dto":{{Dto}}}""")));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Put, sent.Method);
        Assert.Equal("?ruleId=r1&revision=4", sent.Query);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        using var json = JsonDocument.Parse(sent.Body);
        Assert.Equal("Brazil", json.RootElement.GetProperty("dto").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{"ruleId":"r1","revision":0}""", "revision")]
    [InlineData("""{"ruleId":" ","revision":1}""", "ruleId")]
    public async Task rule_modify_refuses_a_blank_rule_or_an_impossible_revision(string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();
        var args = Args(arguments);
        args["dto"] = JsonDocument.Parse(Dto).RootElement;

        var error = ResultAssert.Error(await h.CallAsync("rule-modify", args));

        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task rule_modify_with_a_stale_revision_says_to_re_read_that_rule_and_retry_it()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"PUT {Base}/v1/org/rule", 409, """{"errorCode":"RevisionConflict","errorMessage":"Rule r1 is at revision 5, not 4"}""");

        var result = await h.CallAsync("rule-modify", Args($$"""{"ruleId":"r1","revision":4,"dto":{{Dto}}}"""));
        var error = ResultAssert.Error(result, "RevisionConflict", 409);

        var next = error.GetProperty("next").GetString()!;
        Assert.Contains("rule-get", next);
        Assert.Contains("revision", next);
        Assert.Contains("this one rule", next);
        Assert.Contains("rule-get", ResultAssert.Text(result));
    }

    [Fact]
    public async Task rule_delete_sends_rule_and_revision_as_query_without_a_body()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On($"DELETE {Base}/v1/org/rule", _ => new HttpResponseMessage(HttpStatusCode.OK));

        var body = ResultAssert.Success(await h.CallAsync("rule-delete", new { ruleId = "r1", revision = 7 }));

        Assert.True(body.GetProperty("deleted").GetBoolean());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Delete, sent.Method);
        Assert.Equal("?ruleId=r1&revision=7", sent.Query);
        Assert.Equal("", sent.Body);
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
    }

    [Fact]
    public async Task rule_delete_with_a_stale_revision_is_a_conflict_and_is_not_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson($"DELETE {Base}/v1/org/rule", 409, """{"errorCode":"RevisionConflict","errorMessage":"stale"}""");

        var error = ResultAssert.Error(await h.CallAsync("rule-delete", new { ruleId = "r1", revision = 1 }), "RevisionConflict", 409);

        Assert.Contains("rule-get", error.GetProperty("next").GetString());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task rule_delete_with_a_read_only_token_names_the_remove_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"DELETE {Base}/v1/org/rule", 403, """{"errorCode":"Forbidden","errorMessage":"Missing permission rule.remove required by operation ruleDelete"}""");

        var error = ResultAssert.Error(await h.CallAsync("rule-delete", new { ruleId = "r1", revision = 1 }), "Forbidden", 403);

        Assert.Contains("rule.remove", error.GetProperty("message").GetString());
    }
}
