using System.Text.Json;
using Serverless.Tools.Tests.Infrastructure;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.Tests.ChiliPiper;

public sealed class OrganizationAndUserToolsTests
{
    private const string UserPage = """{"results":[{"id":"u1","name":"Ana","email":"ana@example.com"}],"total":1,"page":0,"pageSize":10}""";

    [Fact]
    public async Task health_ping_gets_the_ping_path_with_the_bearer_token()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/health/ping", 200, "\"ok\"");

        var body = ResultAssert.Success(await h.CallAsync("health-ping"));

        Assert.Equal("ok", body.GetProperty("result").GetString());
        var sent = h.Upstream.Single();
        Assert.Equal("https://cp.test/api/fire-edge/v1/org/health/ping", sent.Uri.ToString());
        Assert.Equal("Bearer cp_test_token", sent.Header("authorization"));
        Assert.Null(sent.Header("x-api-key"));
    }

    [Fact]
    public async Task tenant_get_returns_the_tenant()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/tenant/get", 200, """{"type":"Organization","tenantData":{"tenantId":"t1","subdomain":"acme"},"domains":[]}""");

        var body = ResultAssert.Success(await h.CallAsync("tenant-get"));

        Assert.Equal("acme", body.GetProperty("tenantData").GetProperty("subdomain").GetString());
    }

    [Fact]
    public async Task tenant_get_with_a_revoked_token_says_to_reauthorise()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/tenant/get", 401, """{"errorCode":"Unauthorized","errorMessage":"Token revoked"}""");

        var error = ResultAssert.Error(await h.CallAsync("tenant-get"), "Unauthorized", 401);

        Assert.Equal("Token revoked", error.GetProperty("message").GetString());
        Assert.Contains("re-authorise", error.GetProperty("next").GetString());
    }

    [Fact]
    public async Task user_find_sends_query_and_paging_as_query_parameters()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/user/find", 200, UserPage);

        ResultAssert.Success(await h.CallAsync("user-find", new { query = "ana smith", pagination = new { page = 1, pageSize = 20 } }));

        Assert.Equal("?query=ana%20smith&page=1&pageSize=20", h.Upstream.Single().Query);
    }

    [Fact]
    public async Task user_find_refuses_a_page_size_over_50()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = ResultAssert.Error(await h.CallAsync("user-find", new { query = "a", pagination = new { pageSize = 51 } }));

        Assert.Equal("pagination.pageSize", error.GetProperty("parameter").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task user_find_passes_a_plain_text_400_through_as_the_message()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On("GET /api/fire-edge/v1/org/user/find", _ => FakeUpstream.Text(400, "Invalid value for: query parameter pageSize"));

        var error = ResultAssert.Error(await h.CallAsync("user-find", new { query = "a" }), status: 400);

        Assert.Equal("Invalid value for: query parameter pageSize", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task user_find_by_filter_posts_the_filter_as_body_and_paging_as_query()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /api/fire-edge/v1/org/user/find-by-filter", 200, UserPage);

        ResultAssert.Success(await h.CallAsync("user-find-by-filter", new { filter = new { email = "ana@example.com" }, pagination = new { page = 0 } }));

        var sent = h.Upstream.Single();
        Assert.Equal("""{"email":"ana@example.com"}""", sent.Body);
        Assert.Equal("?page=0", sent.Query);
    }

    [Fact]
    public async Task user_find_by_ids_posts_a_bare_array()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /api/fire-edge/v1/org/user/find-by-id", 200, UserPage);

        ResultAssert.Success(await h.CallAsync("user-find-by-ids", new { userIds = new[] { "u1", "u2" } }));

        Assert.Equal("""["u1","u2"]""", h.Upstream.Single().Body);
    }

    [Fact]
    public async Task user_find_by_ids_is_a_read_and_is_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "1" });
        var calls = 0;
        h.Upstream.On("POST /api/fire-edge/v1/org/user/find-by-id", _ => ++calls == 1 ? FakeUpstream.Json(503, "{}") : FakeUpstream.Json(200, UserPage));

        ResultAssert.Success(await h.CallAsync("user-find-by-ids", new { userIds = new[] { "u1" } }));

        Assert.Equal(2, h.Upstream.Requests.Count);
    }

    [Fact]
    public async Task user_read_gets_the_user_by_path()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/user/read/u1", 200, """{"id":"u1","name":"Ana"}""");

        var body = ResultAssert.Success(await h.CallAsync("user-read", new { userId = "u1" }));

        Assert.Equal("Ana", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task user_read_unknown_maps_the_vendor_error_code()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/user/read/zz", 404, """{"errorCode":"UserNotFound","errorMessage":"No user zz"}""");

        ResultAssert.Error(await h.CallAsync("user-read", new { userId = "zz" }), "UserNotFound", 404);
    }

    [Fact]
    public async Task user_invite_posts_only_the_given_fields()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /api/fire-edge/v1/org/user/invite", 200, """{"id":"u9","email":"new@example.com"}""");

        ResultAssert.Success(await h.CallAsync("user-invite", new { email = "new@example.com", licenses = new[] { "chiliCalOrg" }, sendInvite = true }));

        using var json = JsonDocument.Parse(h.Upstream.Single().Body);
        Assert.Equal("new@example.com", json.RootElement.GetProperty("email").GetString());
        Assert.Equal("chiliCalOrg", json.RootElement.GetProperty("licenses")[0].GetString());
        Assert.True(json.RootElement.GetProperty("sendInvite").GetBoolean());
        Assert.False(json.RootElement.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task user_invite_refuses_a_bad_email_and_a_read_only_token_gets_the_missing_permission()
    {
        await using var h = await ToolHarness.StartAsync();
        ResultAssert.Error(await h.CallAsync("user-invite", new { email = "not-an-email" }));
        Assert.Empty(h.Upstream.Requests);

        h.Upstream.OnJson("POST /api/fire-edge/v1/org/user/invite", 403, """{"errorCode":"Forbidden","errorMessage":"Missing permission user.create"}""");
        var error = ResultAssert.Error(await h.CallAsync("user-invite", new { email = "a@example.com" }), "Forbidden", 403);
        Assert.Contains("user.create", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task user_invite_is_never_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["ChiliPiper:MaxReadRetries"] = "3" });
        h.Upstream.OnJson("POST /api/fire-edge/v1/org/user/invite", 500, """{"errorCode":"Internal","errorMessage":"boom"}""");

        var error = ResultAssert.Error(await h.CallAsync("user-invite", new { email = "a@example.com" }), status: 500);

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task user_update_licenses_sends_the_flag_map_under_update()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.On("POST /api/fire-edge/v1/org/user/licenses", _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK));

        var body = ResultAssert.Success(await h.CallAsync("user-update-licenses", new { update = new Dictionary<string, object> { ["u1"] = new { chiliCalOrg = true, handoff = false, distro = true } } }));

        Assert.Equal("u1", body.GetProperty("updated")[0].GetString());
        using var json = JsonDocument.Parse(h.Upstream.Single().Body);
        var flags = json.RootElement.GetProperty("update").GetProperty("u1");
        Assert.True(flags.GetProperty("chiliCalOrg").GetBoolean());
        Assert.False(flags.GetProperty("handoff").GetBoolean());
        Assert.True(flags.GetProperty("distro").GetBoolean());
        Assert.False(flags.TryGetProperty("chat", out _));
    }

    [Fact]
    public async Task a_tool_without_the_upstream_credential_says_which_header_to_send()
    {
        await using var h = await ToolHarness.StartAsync(new CallerCredentials { PilotStatusApiKey = "ps_x" });

        var error = ResultAssert.Error(await h.CallAsync("tenant-get"), "CREDENTIAL_MISSING");

        Assert.Contains("Bearer", error.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }
}
