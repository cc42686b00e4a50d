using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox.Tests;

/// <summary>The groups and channels twin: roles, membership changes, invites, pins and the Meta refusals.</summary>
public sealed class GroupsSandboxTests
{
    private static readonly string GroupPath = "v1/groups/" + Uri.EscapeDataString(GroupsSeed.GroupId);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(status == (int)response.StatusCode, $"expected {status}, got {(int)response.StatusCode}: {body}");
        return body;
    }

    private static Dictionary<string, string> Roles(JsonElement participants) =>
        participants.EnumerateArray().ToDictionary(p => p.GetProperty("number").GetString()!, p => p.GetProperty("role").GetString()!);

    private static Dictionary<string, string> Outcomes(JsonElement update) =>
        update.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("number").GetString()!, r => r.GetProperty("status").GetString()!);

    private static Task<HttpResponseMessage> ParticipantsAsync(HttpClient http, HttpMethod method, string suffix, params string[] participants) =>
        http.SendAsync(new HttpRequestMessage(method, GroupPath + "/participants" + suffix) { Content = JsonContent.Create(new { participants }) });

    [Fact]
    public async Task The_seeded_group_matches_its_conversation_and_lists_roles()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        var list = await JsonAsync(await http.GetAsync("v1/groups"), 200);
        var info = await JsonAsync(await http.GetAsync(GroupPath), 200);

        var listed = Assert.Single(list.GetProperty("groups").EnumerateArray());
        Assert.Equal(GroupsSeed.GroupId, listed.GetProperty("id").GetString());
        Assert.Equal(PilotStatusSeed.GroupName, listed.GetProperty("name").GetString());
        Assert.Contains(sandbox.State.PilotStatus.GetConversations(), c => c.GroupId == GroupsSeed.GroupId && c.NumberId == PilotStatusSeed.NumberId2);
        var roles = Roles(info.GetProperty("participants"));
        Assert.Equal("superadmin", roles[PilotStatusSeed.PhoneNumber2]);
        Assert.Equal("admin", roles[GroupsSeed.AdminDiego]);
        Assert.Equal("member", roles[GroupsSeed.MemberElisa]);
        Assert.Equal(4, info.GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task Membership_and_roles_change_per_participant_with_an_outcome_each()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);
        const string ana = PilotStatusSeed.ContactAnaPhone;

        var added = Outcomes(await JsonAsync(await ParticipantsAsync(http, HttpMethod.Post, "", "5511988887777", GroupsSeed.MemberElisa, "+5511912340000"), 200));
        var promoted = Outcomes(await JsonAsync(await ParticipantsAsync(http, HttpMethod.Post, "/promote", ana, GroupsSeed.AdminDiego), 200));
        var demoted = Outcomes(await JsonAsync(await ParticipantsAsync(http, HttpMethod.Post, "/demote", PilotStatusSeed.PhoneNumber2, GroupsSeed.MemberElisa, GroupsSeed.AdminDiego), 200));
        var removed = Outcomes(await JsonAsync(await ParticipantsAsync(http, HttpMethod.Delete, "", PilotStatusSeed.PhoneNumber2, GroupsSeed.MemberCarla, "+5511977776666"), 200));
        var info = await JsonAsync(await http.GetAsync(GroupPath), 200);

        Assert.Equal(new Dictionary<string, string> { [ana] = "ADDED", [GroupsSeed.MemberElisa] = "ALREADY_PARTICIPANT", ["+5511912340000"] = "NOT_ON_WHATSAPP" }, added);
        Assert.Equal(new Dictionary<string, string> { [ana] = "PROMOTED", [GroupsSeed.AdminDiego] = "ALREADY_ADMIN" }, promoted);
        Assert.Equal(new Dictionary<string, string> { [PilotStatusSeed.PhoneNumber2] = "GROUP_OWNER", [GroupsSeed.MemberElisa] = "NOT_ADMIN", [GroupsSeed.AdminDiego] = "DEMOTED" }, demoted);
        Assert.Equal(new Dictionary<string, string> { [PilotStatusSeed.PhoneNumber2] = "GROUP_OWNER", [GroupsSeed.MemberCarla] = "REMOVED", ["+5511977776666"] = "NOT_PARTICIPANT" }, removed);
        Assert.Equal(new Dictionary<string, string>
        {
            [PilotStatusSeed.PhoneNumber2] = "superadmin", [GroupsSeed.AdminDiego] = "member", [GroupsSeed.MemberElisa] = "member", [ana] = "admin",
        }, Roles(info.GetProperty("participants")));
    }

    [Fact]
    public async Task A_created_group_is_owned_by_the_number_and_gets_a_stable_invite()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        var created = await JsonAsync(await http.PostAsJsonAsync("v1/groups", new { subject = "Launch team", participants = new[] { "+5521966665555", "5511912340000" } }), 201);
        var id = created.GetProperty("id").GetString()!;
        var path = "v1/groups/" + Uri.EscapeDataString(id);
        var first = await JsonAsync(await http.GetAsync(path + "/invite"), 200);
        var second = await JsonAsync(await http.GetAsync(path + "/invite"), 200);
        var seeded = await JsonAsync(await http.GetAsync(GroupPath + "/invite"), 200);

        Assert.Matches(@"^120363\d{12}@g\.us$", id);
        Assert.Equal(PilotStatusSeed.PhoneNumber2, created.GetProperty("owner").GetString());
        Assert.Equal(new Dictionary<string, string> { [PilotStatusSeed.PhoneNumber2] = "superadmin", ["+5521966665555"] = "member" }, Roles(created.GetProperty("participants")));
        Assert.Equal("NOT_ON_WHATSAPP", created.GetProperty("notAdded")[0].GetProperty("status").GetString());
        var code = first.GetProperty("inviteCode").GetString()!;
        Assert.Equal(22, code.Length);
        Assert.Equal("https://chat.whatsapp.com/" + code, first.GetProperty("inviteUrl").GetString());
        Assert.Equal(code, second.GetProperty("inviteCode").GetString());
        Assert.Equal(GroupsSeed.InviteCode, seeded.GetProperty("inviteCode").GetString());
        Assert.Equal(2, (await JsonAsync(await http.GetAsync("v1/groups"), 200)).GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public async Task A_pin_is_recorded_on_the_group_until_it_expires()
    {
        var time = new ManualTime(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxServer.StartAsync(time: time);
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        var pin = await JsonAsync(await http.PostAsJsonAsync(GroupPath + "/pin", new { messageId = GroupsSeed.PinnableMessageId, duration = 86400 }), 200);
        var pinned = (await JsonAsync(await http.GetAsync(GroupPath), 200)).GetProperty("pinnedMessages");
        time.Advance(TimeSpan.FromHours(24));
        var expired = (await JsonAsync(await http.GetAsync(GroupPath), 200)).GetProperty("pinnedMessages");

        Assert.True(pin.GetProperty("pinned").GetBoolean());
        Assert.Equal(pin.GetProperty("pinnedAt").GetDateTimeOffset().AddDays(1), pin.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(GroupsSeed.PinnableMessageId, Assert.Single(pinned.EnumerateArray()).GetProperty("messageId").GetString());
        Assert.Equal(0, expired.GetArrayLength());
    }

    [Fact]
    public async Task A_pin_needs_a_message_of_that_group_and_a_whatsapp_duration()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        var direct = await JsonAsync(await http.PostAsJsonAsync(GroupPath + "/pin", new { messageId = "msg_sandbox_carla_1" }), 404);
        var duration = await JsonAsync(await http.PostAsJsonAsync(GroupPath + "/pin", new { messageId = GroupsSeed.PinnableMessageId, duration = 3600 }), 400);
        var missing = await JsonAsync(await http.PostAsJsonAsync(GroupPath + "/pin", new { duration = 86400 }), 400);

        Assert.Equal("MESSAGE_NOT_FOUND", direct.GetProperty("code").GetString());
        Assert.Equal("VALIDATION_ERROR", duration.GetProperty("code").GetString());
        Assert.Equal("VALIDATION_ERROR", missing.GetProperty("code").GetString());
        Assert.Empty(sandbox.State.PilotStatus.Groups.GetGroups().Single().Pins);
    }

    [Fact]
    public async Task Meta_numbers_are_refused_groups_and_channels_with_the_vendor_codes()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var meta = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey1);

        var list = await JsonAsync(await meta.GetAsync("v1/groups"), 400);
        var create = await JsonAsync(await meta.PostAsJsonAsync("v1/groups", new { subject = "Nope" }), 400);
        var info = await JsonAsync(await meta.GetAsync(GroupPath), 400);
        var channels = await JsonAsync(await meta.GetAsync("v1/newsletters"), 400);

        Assert.Equal("META_GROUPS_NOT_ELIGIBLE", list.GetProperty("code").GetString());
        Assert.Equal("META_GROUPS_NOT_ELIGIBLE", create.GetProperty("code").GetString());
        Assert.Equal("META_GROUPS_NOT_ELIGIBLE", info.GetProperty("code").GetString());
        Assert.Equal("NOT_SUPPORTED_FOR_META", channels.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(list.GetProperty("error").GetString()));
        Assert.Single(sandbox.State.PilotStatus.Groups.GetGroups());
    }

    [Fact]
    public async Task Channels_of_the_qr_number_are_listed_with_newsletter_ids()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        var body = await JsonAsync(await http.GetAsync("v1/newsletters"), 200);

        var ids = body.GetProperty("newsletters").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToArray();
        Assert.Equal([GroupsSeed.NewsletterId, GroupsSeed.FollowedNewsletterId], ids);
        Assert.All(ids, id => Assert.EndsWith("@newsletter", id));
    }

    [Fact]
    public async Task Group_ids_are_checked_and_unknown_groups_are_not_found()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var http = SandboxClients.PilotStatus(sandbox, SandboxCredentials.PilotStatusNumberKey2);

        var malformed = await JsonAsync(await http.GetAsync("v1/groups/120363000000000001"), 400);
        var unknown = await JsonAsync(await http.GetAsync("v1/groups/" + Uri.EscapeDataString("120363999999999999@g.us") + "/invite"), 404);
        var empty = await JsonAsync(await ParticipantsAsync(http, HttpMethod.Post, ""), 400);

        Assert.Equal("VALIDATION_ERROR", malformed.GetProperty("code").GetString());
        Assert.Equal("GROUP_NOT_FOUND", unknown.GetProperty("code").GetString());
        Assert.Equal("VALIDATION_ERROR", empty.GetProperty("code").GetString());
    }
}
