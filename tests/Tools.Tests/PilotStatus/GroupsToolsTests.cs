using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.PilotStatus;

public sealed class GroupsToolsTests
{
    private const string GroupId = "120363000000000001@g.us";
    private const string GroupPath = "/v1/groups/120363000000000001%40g.us";
    private const string Updated = """{"groupId":"120363000000000001@g.us","action":"add","results":[],"participants":[]}""";

    private static void AssertNumberKey(RecordedRequest sent)
    {
        Assert.Equal("ps_test_number", sent.Header("x-api-key"));
        Assert.Null(sent.Header("authorization"));
    }

    [Fact]
    public async Task groups_list_gets_the_groups_of_the_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/groups", 200, """{"groups":[{"id":"1@g.us","name":"Team"}]}""");

        var body = ResultAssert.Success(await h.CallAsync("groups_list"));

        Assert.Equal("Team", body.GetProperty("groups")[0].GetProperty("name").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.Equal("", sent.Query);
        Assert.Equal("", sent.Body);
        AssertNumberKey(sent);
    }

    [Fact]
    public async Task groups_create_posts_subject_and_participants_as_digits()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/groups", 201, """{"id":"9@g.us","subject":"Launch","participants":[]}""");

        var body = ResultAssert.Success(await h.CallAsync("groups_create", new { subject = " Launch ", participants = new[] { "+5511988887777", "5521966665555", "+5511988887777" } }));

        Assert.Equal("9@g.us", body.GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("""{"subject":"Launch","participants":["5511988887777","5521966665555"]}""", sent.Body);
        AssertNumberKey(sent);
    }

    [Fact]
    public async Task groups_create_without_participants_sends_only_the_subject()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/groups", 201, """{"id":"9@g.us"}""");

        ResultAssert.Success(await h.CallAsync("groups_create", new { subject = "Launch" }));

        Assert.Equal("""{"subject":"Launch"}""", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task group_info_puts_the_escaped_group_id_in_the_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET " + GroupPath, 200, """{"id":"120363000000000001@g.us","participants":[{"number":"+5511900000002","role":"superadmin"}]}""");

        var body = ResultAssert.Success(await h.CallAsync("group_info", new { groupId = GroupId }));

        Assert.Equal("superadmin", body.GetProperty("participants")[0].GetProperty("role").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        Assert.EndsWith("/v1/groups/120363000000000001%40g.us", sent.Uri.AbsoluteUri);
        AssertNumberKey(sent);
    }

    public static TheoryData<string, string, string> ParticipantCalls => new()
    {
        { "group_participants_add", "POST", GroupPath + "/participants" },
        { "group_participants_remove", "DELETE", GroupPath + "/participants" },
        { "group_participants_promote", "POST", GroupPath + "/participants/promote" },
        { "group_participants_demote", "POST", GroupPath + "/participants/demote" },
    };

    [Theory]
    [MemberData(nameof(ParticipantCalls))]
    public async Task Participant_tools_send_the_numbers_to_their_endpoint(string tool, string method, string path)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson($"{method} {path}", 200, Updated);

        ResultAssert.Success(await h.CallAsync(tool, new { groupId = GroupId, participants = new[] { "+5531955554444", "5541944443333" } }));

        var sent = h.Upstream.Single();
        Assert.Equal(method, sent.Method.Method);
        Assert.Equal("""{"participants":["5531955554444","5541944443333"]}""", sent.Body);
        Assert.Equal("application/json", sent.Header("content-type")?.Split(';')[0]);
        AssertNumberKey(sent);
    }

    [Fact]
    public async Task group_invite_gets_the_invite_of_the_group()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET " + GroupPath + "/invite", 200, """{"inviteCode":"Abc","inviteUrl":"https://chat.whatsapp.com/Abc"}""");

        var body = ResultAssert.Success(await h.CallAsync("group_invite", new { groupId = GroupId }));

        Assert.Equal("https://chat.whatsapp.com/Abc", body.GetProperty("inviteUrl").GetString());
        Assert.Equal(HttpMethod.Get, h.Upstream.Single().Method);
        AssertNumberKey(h.Upstream.Single());
    }

    [Theory]
    [InlineData("24h", 86400)]
    [InlineData("7d", 604800)]
    [InlineData("30d", 2592000)]
    public async Task group_pin_posts_the_message_and_the_duration_in_seconds(string duration, int seconds)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST " + GroupPath + "/pin", 200, """{"pinned":true}""");

        ResultAssert.Success(await h.CallAsync("group_pin", new { groupId = GroupId, messageId = "msg_1", duration }));

        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal($$"""{"messageId":"msg_1","duration":{{seconds}}}""", sent.Body);
        AssertNumberKey(sent);
    }

    [Fact]
    public async Task group_pin_without_duration_leaves_it_to_the_upstream()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST " + GroupPath + "/pin", 200, """{"pinned":true}""");

        ResultAssert.Success(await h.CallAsync("group_pin", new { groupId = GroupId, messageId = "msg_1" }));

        Assert.Equal("""{"messageId":"msg_1"}""", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task newsletters_list_gets_the_channels_of_the_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/newsletters", 200, """{"newsletters":[{"id":"1@newsletter"}]}""");

        var body = ResultAssert.Success(await h.CallAsync("newsletters_list"));

        Assert.Equal("1@newsletter", body.GetProperty("newsletters")[0].GetProperty("id").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal(HttpMethod.Get, sent.Method);
        AssertNumberKey(sent);
    }

    public static TheoryData<string, string, string> InvalidCalls => new()
    {
        { "group_info", """{"groupId":"120363000000000001"}""", "groupId" },
        { "group_info", """{"groupId":"5511999998888@s.whatsapp.net"}""", "groupId" },
        { "group_invite", """{"groupId":""}""", "groupId" },
        { "group_participants_add", """{"groupId":"1@g.us","participants":[]}""", "participants" },
        { "group_participants_remove", """{"groupId":"1@g.us","participants":["011 9999"]}""", "participants" },
        { "group_participants_promote", """{"groupId":"1@g.us","participants":["+55119999x8888"]}""", "participants" },
        { "group_participants_demote", """{"groupId":"1@newsletter","participants":["5511999998888"]}""", "groupId" },
        { "groups_create", """{"subject":" "}""", "subject" },
        { "groups_create", """{"subject":"Team","participants":["12"]}""", "participants" },
        { "group_pin", """{"groupId":"1@g.us","messageId":""}""", "messageId" },
    };

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public async Task Invalid_group_arguments_are_refused_before_the_upstream(string tool, string arguments, string parameter)
    {
        await using var h = await ToolHarness.StartAsync();

        var result = await h.CallAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments));

        var error = ResultAssert.Error(result);
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task group_pin_refuses_an_unknown_duration()
    {
        await using var h = await ToolHarness.StartAsync();

        var result = await h.CallAsync("group_pin", new { groupId = GroupId, messageId = "msg_1", duration = "1h" });

        Assert.True(result.IsError);
        Assert.Empty(h.Upstream.Requests);
    }

    public static TheoryData<string, string, int, string, string> DocumentedErrors => new()
    {
        { "groups_list", "GET /v1/groups", 400, "META_GROUPS_NOT_ELIGIBLE", "QR-paired" },
        { "groups_list", "GET /v1/groups", 409, "WHATSAPP_INSTANCE_NOT_CONNECTED", "numbers_connect" },
        { "groups_list", "GET /v1/groups", 403, "TENANT_SCOPE_NOT_ALLOWED", "number-scoped" },
        { "groups_create", "POST /v1/groups", 400, "META_GROUPS_NOT_ELIGIBLE", "QR-paired" },
        { "group_info", "GET " + GroupPath, 404, "GROUP_NOT_FOUND", "groups_list" },
        { "group_invite", "GET " + GroupPath + "/invite", 400, "META_GROUPS_NOT_ELIGIBLE", "QR-paired" },
        { "newsletters_list", "GET /v1/newsletters", 400, "NOT_SUPPORTED_FOR_META", "Evolution" },
        { "newsletters_list", "GET /v1/newsletters", 403, "TENANT_SCOPE_NOT_ALLOWED", "number-scoped" },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Documented_errors_map_to_results_with_the_next_step(string tool, string route, int status, string code, string next)
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson(route, status, $$"""{"error":"Upstream said no","code":"{{code}}"}""");
        object arguments = tool switch
        {
            "groups_list" or "newsletters_list" => new { },
            "groups_create" => new { subject = "Team" },
            _ => new { groupId = GroupId },
        };

        var error = ResultAssert.Error(await h.CallAsync(tool, arguments), code, status);

        Assert.Equal("Upstream said no", error.GetProperty("message").GetString());
        Assert.Contains(next, error.GetProperty("next").GetString());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task A_group_write_is_not_retried_after_a_server_error()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["PilotStatus:MaxReadRetries"] = "3" });
        h.Upstream.OnJson("POST " + GroupPath + "/participants", 502, """{"error":"bad gateway"}""");

        var error = ResultAssert.Error(await h.CallAsync("group_participants_add", new { groupId = GroupId, participants = new[] { "5511999998888" } }), status: 502);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }
}
