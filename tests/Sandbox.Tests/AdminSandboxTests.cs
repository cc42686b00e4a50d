using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.ChiliPiper;

namespace Serverless.Sandbox.Tests;

/// <summary>Rules and the admin API of the Chili Piper twin over HTTP: routing, permissions, decoding.</summary>
public sealed class AdminSandboxTests
{
    private const string Sales = ChiliPiperSeed.SalesWorkspaceId;

    [Fact]
    public async Task Seeded_rules_route_leads_by_country_and_company_size()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var rules = sandbox.State.ChiliPiper.GetRules().ToDictionary(r => r.Id);
        var enterprise = rules[ChiliPiperAdminSeed.EnterpriseUsRuleId];
        var small = rules[ChiliPiperAdminSeed.SmallCustomerRuleId];

        Assert.Equal("NonOwnershipRule", enterprise.Type);
        Assert.True(RuleConditions.Matches(enterprise.Conditions, new Dictionary<string, string> { ["Country"] = "United States", ["CompanySize"] = "1200" }));
        Assert.False(RuleConditions.Matches(enterprise.Conditions, new Dictionary<string, string> { ["Country"] = "US", ["CompanySize"] = "50" }));
        Assert.False(RuleConditions.Matches(enterprise.Conditions, new Dictionary<string, string> { ["Country"] = "Brazil", ["CompanySize"] = "5000" }));
        Assert.True(RuleConditions.Matches(rules[ChiliPiperAdminSeed.BrazilRuleId].Conditions, new Dictionary<string, string> { ["country"] = "brazil" }));
        Assert.True(RuleConditions.Matches(small.Conditions, new Dictionary<string, string> { ["Country"] = "Chile", ["CompanySize"] = "40" }));
        Assert.False(RuleConditions.Matches(small.Conditions, new Dictionary<string, string> { ["CompanySize"] = "40" }));
        Assert.Contains(rules.Values, r => r.Type == "NonOwnershipRule" && r.WorkspaceId == ChiliPiperSeed.CustomerSuccessWorkspaceId);
    }

    [Theory]
    [InlineData("POST", "v1/org/workspace/users/add", """{"workspaceId":"b2000000-0000-4000-8000-000000000001","userIds":["a1000000-0000-4000-8000-000000000006"]}""", "workspace.modify")]
    [InlineData("POST", "v1/org/workspace/users/remove-from-all", """{"userIds":["a1000000-0000-4000-8000-000000000006"]}""", "workspace.modify")]
    [InlineData("POST", "v1/org/team/users/remove", """{"teamId":"c3000000-0000-4000-8000-000000000001","userIds":["a1000000-0000-4000-8000-000000000002"]}""", "team.modify")]
    [InlineData("POST", "v1/org/distribution", """{}""", "distribution.modify")]
    [InlineData("POST", "v3/org/distribution/d4000000-0000-4000-8000-000000000001/adjust", """{"weights":[{"userId":"x","weight":1}]}""", "distribution.modify")]
    [InlineData("DELETE", "v1/org/distribution/d4000000-0000-4000-8000-000000000001", null, "distribution.remove")]
    [InlineData("POST", "v1/org/rule", """{}""", "rule.create")]
    [InlineData("PUT", "v1/org/rule?ruleId=e5000000-0000-4000-8000-000000000001&revision=1", """{}""", "rule.modify")]
    [InlineData("DELETE", "v1/org/rule?ruleId=e5000000-0000-4000-8000-000000000001&revision=1", null, "rule.remove")]
    public async Task The_read_only_token_is_refused_every_admin_write_with_the_permission_it_lacks(string method, string path, string? body, string permission)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.ChiliPiper(sandbox, SandboxCredentials.ChiliPiperReadOnlyToken);

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(403, (int)response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains(permission, error.GetProperty("errorMessage").GetString());
        Assert.Single(sandbox.State.ChiliPiper.GetRules(), r => r.Id == ChiliPiperAdminSeed.EnterpriseUsRuleId && r.Revision == 1);
    }

    [Fact]
    public async Task The_read_only_token_reads_every_admin_list()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.ChiliPiper(sandbox, SandboxCredentials.ChiliPiperReadOnlyToken);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(200, (int)(await http.GetAsync("v1/org/workspace", ct)).StatusCode);
        Assert.Equal(200, (int)(await http.GetAsync("v1/org/workspace/users", ct)).StatusCode);
        Assert.Equal(200, (int)(await http.PutAsJsonAsync("v2/org/team", new { }, ct)).StatusCode);
        Assert.Equal(200, (int)(await http.GetAsync("v1/org/rule/list", ct)).StatusCode);
        Assert.Equal(200, (int)(await http.GetAsync("v1/org/rule/" + ChiliPiperAdminSeed.BrazilRuleId, ct)).StatusCode);
        var distributions = await http.PutAsJsonAsync("v2/org/distribution/list", new { workspaceIds = new[] { Sales } }, ct);
        var page = await distributions.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(200, page.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Decoding_failures_are_plain_text_and_an_empty_id_list_is_one_of_them()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.ChiliPiper(sandbox, SandboxCredentials.ChiliPiperAdminToken);
        var ct = TestContext.Current.CancellationToken;

        var emptyFilter = await http.PutAsJsonAsync("v2/org/team", new { workspaceIds = Array.Empty<string>() }, ct);
        var badPaging = await http.PutAsJsonAsync("v2/org/distribution/list", new { pageSize = 0 }, ct);
        var untypedCondition = await http.PostAsJsonAsync("v1/org/rule",
            JsonNode.Parse($$$"""{"dto":{"type":"CreateRuleRequest","workspaceId":"{{{Sales}}}","name":"X","conditions":{"id":"g","operator":"and","conditions":[{"conditionId":"c"}]}} }"""), ct);

        foreach (var response in new[] { emptyFilter, badPaging, untypedCondition })
        {
            Assert.Equal(400, (int)response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("Invalid value for", await response.Content.ReadAsStringAsync(ct));
        }
    }

    [Fact]
    public async Task Rule_modify_takes_the_dto_wrapped_or_bare()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.ChiliPiper(sandbox, SandboxCredentials.ChiliPiperAdminToken);
        var ct = TestContext.Current.CancellationToken;
        var path = "v1/org/rule?ruleId=" + ChiliPiperAdminSeed.BrazilRuleId + "&revision=";

        var wrapped = await http.PutAsync(path + "1", new StringContent($$$"""{"dto":{{{Dto("Chile")}}} }""", Encoding.UTF8, "application/json"), ct);
        var bare = await http.PutAsync(path + "2", new StringContent(Dto("Peru"), Encoding.UTF8, "application/json"), ct);

        Assert.Equal(200, (int)wrapped.StatusCode);
        Assert.Equal(200, (int)bare.StatusCode);
        Assert.Equal(3, sandbox.State.ChiliPiper.GetRules().Single(r => r.Id == ChiliPiperAdminSeed.BrazilRuleId).Revision);
    }

    private static string Dto(string country) => $$$"""
        {"type":"CreateRuleRequest","workspaceId":"{{{Sales}}}","name":"Leads from {{{country}}}",
         "conditions":{"type":"ConditionGroup","id":"g1","operator":"or","conditions":[
           {"type":"StaticValueCondition","conditionId":"c1","dataReference":{"source":"DF","object":"Form","field":"Country"},"operator":"equal","value":"{{{country}}}"}]} }
        """;

}
