using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.ChiliPiper;

namespace Serverless.Gateway.Tests;

/// <summary>Workspaces, teams, distributions and rules in the Chili Piper twin through the gateway: state changes and lifecycles.</summary>
public sealed class AdminSandboxTests
{
    private const string Sales = ChiliPiperSeed.SalesWorkspaceId;
    private const string Bob = ChiliPiperSeed.BobSellerId;
    private const string Carol = ChiliPiperSeed.CarolCloserId;

    private const string MeetingConfig = """{"type":"Meeting","handling":{"type":"Strict","hideAssignee":true},"limits":{"type":"MeetingLimitUnset"}}""";

    [Fact]
    public async Task Workspace_membership_is_added_listed_and_removed_everywhere()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        const string frank = ChiliPiperSeed.FrankNewhireId;

        await CallAsync(client, "workspace-add-users", $$$"""{"workspaceId":"{{{Sales}}}","userIds":["{{{frank}}}"]}""");
        await CallAsync(client, "workspace-add-users", $$$"""{"workspaceId":"{{{ChiliPiperSeed.CustomerSuccessWorkspaceId}}}","userIds":["{{{frank}}}"]}""");
        await CallAsync(client, "workspace-add-users", $$$"""{"workspaceId":"{{{Sales}}}","userIds":["{{{frank}}}"]}""");

        var members = await CallAsync(client, "workspace-list-users", $$$"""{"workspaceId":"{{{Sales}}}","pagination":{"pageSize":50}}""");
        Assert.Contains(members.GetProperty("results").EnumerateArray(), u => u.GetProperty("id").GetString() == frank);
        var workspaces = await CallAsync(client, "workspace-list", "{}");
        var sales = workspaces.GetProperty("results").EnumerateArray().Single(w => w.GetProperty("id").GetString() == Sales);
        Assert.Equal(4, sales.GetProperty("nrOfUsers").GetInt32());
        Assert.Equal(2, host.Sandbox.State.ChiliPiper.GetUsers().Single(u => u.Id == frank).Workspaces.Count);

        await CallAsync(client, "workspace-remove-users-all", $$$"""{"userIds":["{{{frank}}}"]}""");

        Assert.Empty(host.Sandbox.State.ChiliPiper.GetUsers().Single(u => u.Id == frank).Workspaces);
    }

    [Fact]
    public async Task Leaving_a_team_removes_the_user_from_its_distributions_and_rejoining_restores_them()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var team = await CallAsync(client, "team-remove-users", $$$"""{"teamId":"{{{ChiliPiperSeed.SalesTeamId}}}","userIds":["{{{Bob}}}"]}""");
        Assert.Equal([Carol], team.GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(2, team.GetProperty("metadata").GetProperty("revision").GetInt32());

        var removed = await SalesRoundRobinAsync(client);
        var bobState = UserState(removed, Bob);
        Assert.Equal("Removed", bobState.GetProperty("type").GetString());
        Assert.True(bobState.TryGetProperty("removedAt", out _));
        Assert.DoesNotContain(Bob, removed.GetProperty("prioritization").GetProperty("queue").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(2, removed.GetProperty("published").GetProperty("teamRef").GetProperty("revision").GetInt32());

        await CallAsync(client, "team-add-users", $$$"""{"teamId":"{{{ChiliPiperSeed.SalesTeamId}}}","userIds":["{{{Bob}}}"]}""");

        Assert.Equal("Active", UserState(await SalesRoundRobinAsync(client), Bob).GetProperty("type").GetString());
        var listed = await CallAsync(client, "team-list-put", $$$"""{"member":["{{{Bob}}}","{{{Carol}}}"]}""");
        Assert.Equal(ChiliPiperSeed.SalesTeamId, Assert.Single(listed.GetProperty("results").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Team_removal_from_all_can_be_limited_to_workspaces()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);
        await CallAsync(client, "team-add-users", $$$"""{"teamId":"{{{ChiliPiperSeed.SuccessTeamId}}}","userIds":["{{{Carol}}}"]}""");

        await CallAsync(client, "team-remove-users-all", $$$"""{"userIds":["{{{Carol}}}"],"workspaceIds":["{{{Sales}}}"]}""");

        var teams = host.Sandbox.State.ChiliPiper.GetTeams();
        Assert.DoesNotContain(teams.Where(t => t.WorkspaceId == Sales), t => t.Members.Contains(Carol));
        Assert.Contains(Carol, teams.Single(t => t.Id == ChiliPiperSeed.SuccessTeamId).Members);
    }

    [Fact]
    public async Task A_distribution_is_created_replaced_adjusted_additively_and_deleted()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var created = await CallAsync(client, "distribution-create", $$$"""
            {"teamId":"{{{ChiliPiperSeed.SalesTeamId}}}","workspaceId":"{{{Sales}}}","name":"Enterprise demo RR","assignmentTypeConfig":{{{MeetingConfig}}},
             "weights":[{"userId":"{{{Bob}}}","weight":300}]}
            """);
        var id = created.GetProperty("distributionId").GetString()!;
        var listed = await FindAsync(client, id);
        Assert.Equal("Strict", listed.GetProperty("published").GetProperty("assignmentTypeConfig").GetProperty("handling").GetProperty("type").GetString());
        Assert.Equal("Active", UserState(listed, Carol).GetProperty("type").GetString());

        await CallAsync(client, "distribution-update-v3", $$$"""
            {"distributionId":"{{{id}}}","body":{"name":"Enterprise demo RR","assignmentTypeConfig":{"type":"Conversation"},"weights":[{"userId":"{{{Carol}}}","weight":0}]}}
            """);
        var replaced = await FindAsync(client, id);
        var weights = replaced.GetProperty("published").GetProperty("weights");
        Assert.Equal(Carol, Assert.Single(weights.EnumerateArray()).GetProperty("userId").GetString());
        Assert.Equal("Disabled", UserState(replaced, Carol).GetProperty("type").GetString());
        Assert.Equal(2, replaced.GetProperty("published").GetProperty("metadata").GetProperty("revision").GetInt32());

        var first = await CallAsync(client, "distribution-adjust-v3", $$$"""{"distributionId":"{{{id}}}","body":{"weights":[{"userId":"{{{Bob}}}","weight":50}]}}""");
        var second = await CallAsync(client, "distribution-adjust-v3", $$$"""{"distributionId":"{{{id}}}","body":{"weights":[{"userId":"{{{Bob}}}","weight":50}]}}""");
        AssertChange(first.GetProperty("changes")[0], 100, 50, 150);
        AssertChange(second.GetProperty("changes")[0], 150, 50, 200);
        Assert.Equal(200, host.Sandbox.State.ChiliPiper.GetDistributions().Single(d => d.Id == id).WeightOf(Bob));

        await CallAsync(client, "distribution-delete", $$$"""{"distributionId":"{{{id}}}"}""");

        Assert.DoesNotContain(host.Sandbox.State.ChiliPiper.GetDistributions(), d => d.Id == id);
        var gone = await client.CallToolAsync("distribution-adjust-v3", Args($$$"""{"distributionId":"{{{id}}}","body":{"weights":[{"userId":"{{{Bob}}}","weight":1}]}}"""),
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("DistributionNotFound", Error(gone).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_rule_keeps_revisions_refuses_stale_writes_and_is_soft_deleted()
    {
        await using var host = await GatewayHost.StartAsync();
        await using var client = await host.ConnectAsync("/mcp", Credentials.Both);

        var created = await CallAsync(client, "rule-create", $$$"""{"dto":{{{Dto("Chile")}}} }""");
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(1, Revision(created));
        Assert.Equal("NonOwnershipRule", created.GetProperty("type").GetString());

        var modified = await CallAsync(client, "rule-modify", $$$"""{"ruleId":"{{{id}}}","revision":1,"dto":{{{Dto("Peru")}}} }""");
        Assert.Equal(2, Revision(modified));
        Assert.Equal("Peru", modified.GetProperty("conditions").GetProperty("conditions")[0].GetProperty("value").GetString());

        var stale = await client.CallToolAsync("rule-modify", Args($$$"""{"ruleId":"{{{id}}}","revision":1,"dto":{{{Dto("Chile")}}} }"""),
            cancellationToken: TestContext.Current.CancellationToken);
        var conflict = Error(stale);
        Assert.Equal("RevisionConflict", conflict.GetProperty("code").GetString());
        Assert.Equal(409, conflict.GetProperty("status").GetInt32());
        Assert.Contains("rule-get", conflict.GetProperty("next").GetString());

        var current = await CallAsync(client, "rule-get", $$$"""{"ruleId":"{{{id}}}"}""");
        Assert.Equal(2, Revision(current));
        await CallAsync(client, "rule-delete", $$$"""{"ruleId":"{{{id}}}","revision":2}""");

        var missing = await client.CallToolAsync("rule-get", Args($$$"""{"ruleId":"{{{id}}}"}"""), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("RuleNotFound", Error(missing).GetProperty("code").GetString());
        var list = await CallAsync(client, "rule-list", "{}");
        Assert.DoesNotContain(list.GetProperty("results").EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        Assert.True(host.Sandbox.State.ChiliPiper.GetRules().Single(r => r.Id == id).Deleted);
    }

    private static string Dto(string country) => $$$"""
        {"type":"CreateRuleRequest","workspaceId":"{{{Sales}}}","name":"Leads from {{{country}}}",
         "conditions":{"type":"ConditionGroup","id":"g1","operator":"or","conditions":[
           {"type":"StaticValueCondition","conditionId":"c1","dataReference":{"source":"DF","object":"Form","field":"Country"},"operator":"equal","value":"{{{country}}}"}]} }
        """;

    private static async Task<JsonElement> CallAsync(McpClient client, string tool, string arguments)
    {
        var result = await client.CallToolAsync(tool, Args(arguments), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.IsError is not true, $"{tool}: " + string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text)));
        return result.StructuredContent!.Value;
    }

    private static async Task<JsonElement> SalesRoundRobinAsync(McpClient client) => await FindAsync(client, ChiliPiperSeed.SalesRoundRobinId);

    private static async Task<JsonElement> FindAsync(McpClient client, string distributionId)
    {
        var list = await CallAsync(client, "distribution-list-put", "{}");
        return list.GetProperty("results").EnumerateArray().Single(d => d.GetProperty("id").GetString() == distributionId);
    }

    private static JsonElement UserState(JsonElement distribution, string userId)
        => distribution.GetProperty("state").GetProperty("userStates").EnumerateArray().Single(s => s.GetProperty("userId").GetString() == userId);

    private static int Revision(JsonElement rule) => rule.GetProperty("metadata").GetProperty("revision").GetInt32();

    private static JsonElement Error(CallToolResult result)
    {
        Assert.True(result.IsError);
        return result.StructuredContent!.Value.GetProperty("error");
    }

    private static void AssertChange(JsonElement change, int old, int delta, int updated)
    {
        Assert.Equal(old, change.GetProperty("old").GetInt32());
        Assert.Equal(delta, change.GetProperty("delta").GetInt32());
        Assert.Equal(updated, change.GetProperty("new").GetInt32());
    }

    private static Dictionary<string, object?> Args(string json)
        => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value);
}
