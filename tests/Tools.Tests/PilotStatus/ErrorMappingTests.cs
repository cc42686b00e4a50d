using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.PilotStatus;

/// <summary>Each documented Pilot Status error of the messaging endpoints, through the one error mapping.</summary>
public sealed class ErrorMappingTests
{
    public static TheoryData<int, string?, string> Documented => new()
    {
        { 400, "VALIDATION_ERROR", "Fix the argument" },
        { 400, "MISSING_TEMPLATE_VARIABLES", "variables" },
        { 400, "NOT_SUPPORTED_FOR_META", "QR-paired" },
        { 400, "META_GROUPS_NOT_ELIGIBLE", "QR-paired" },
        { 400, "INVALID_DATE_RANGE", "startDate" },
        { 400, "NUMBER_NOT_FOUND", "not bound" },
        { 400, "NUMBER_REQUIRED", "x-whatsapp-number-id" },
        { 401, null, "re-authorise" },
        { 402, "SUBSCRIPTION_REQUIRED_FOR_MEDIA", "paid plan" },
        { 403, "TENANT_SCOPE_NOT_ALLOWED", "number-scoped" },
        { 403, "NUMBER_SCOPE_NOT_ALLOWED", "tenant-scoped" },
        { 404, "TEMPLATE_NOT_FOUND", "templates_list" },
        { 404, "MESSAGE_NOT_FOUND", "list the resources" },
        { 409, "WHATSAPP_INSTANCE_NOT_CONNECTED", "reconnect" },
        { 429, null, "wait" },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public async Task Each_documented_error_becomes_an_error_result_with_a_next_step(int status, string? code, string nextContains)
    {
        await using var h = await ToolHarness.StartAsync();
        var body = code is null ? """{"error":"Upstream said no"}""" : $$"""{"error":"Upstream said no","code":"{{code}}"}""";
        h.Upstream.OnJson("POST /v1/messages/send", status, body);

        var result = await h.CallAsync("messages_send", new { destinationNumber = "+5511999998888", templateId = "t" });

        var error = ResultAssert.Error(result, code, status);
        Assert.Equal("Pilot Status", error.GetProperty("upstream").GetString());
        Assert.Equal("Upstream said no", error.GetProperty("message").GetString());
        Assert.Contains(nextContains, error.GetProperty("next").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task Template_examples_missing_lists_what_is_missing()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("POST /v1/messages/send", 400, """{"error":"Examples required","code":"TEMPLATE_EXAMPLES_REQUIRED","details":{"missing":["name","order"]}}""");

        var error = ResultAssert.Error(await h.CallAsync("messages_send", new { destinationNumber = "+5511999998888", templateId = "t" }), "TEMPLATE_EXAMPLES_REQUIRED", 400);

        Assert.Equal("Examples required Missing: name, order.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_read_rate_limited_beyond_the_cap_returns_the_wait_instead_of_sleeping()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["PilotStatus:MaxReadRetries"] = "2", ["PilotStatus:MaxRetryAfterSeconds"] = "1" });
        h.Upstream.On("GET /v1/messages/unread", _ =>
        {
            var response = FakeUpstream.Json(429, """{"error":"Too many requests"}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
            return response;
        });

        var error = ResultAssert.Error(await h.CallAsync("messages_unread"), status: 429);

        Assert.Equal(30, error.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Contains("30 s", error.GetProperty("next").GetString());
        Assert.Single(h.Upstream.Requests);
    }

    [Fact]
    public async Task A_read_rate_limited_within_the_cap_is_retried_after_the_wait()
    {
        await using var h = await ToolHarness.StartAsync(settings: new() { ["PilotStatus:MaxReadRetries"] = "1" });
        var calls = 0;
        h.Upstream.On("GET /v1/messages/unread", _ =>
        {
            if (++calls > 1)
            {
                return FakeUpstream.Json(200, """{"messages":[],"total":0}""");
            }

            var response = FakeUpstream.Json(429, """{"error":"Too many requests"}""");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return response;
        });

        ResultAssert.Success(await h.CallAsync("messages_unread"));

        Assert.Equal(2, h.Upstream.Requests.Count);
    }
}
