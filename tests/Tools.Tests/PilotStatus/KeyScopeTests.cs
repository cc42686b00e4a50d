using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.PilotStatus;

/// <summary>A key-scope refusal names the tool and the kind of key it needs.</summary>
public sealed class KeyScopeTests
{
    [Fact]
    public async Task A_tenant_key_on_a_number_tool_is_told_to_use_that_numbers_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/conversations", 403, """{"error":"Tenant keys cannot do this","code":"TENANT_SCOPE_NOT_ALLOWED"}""");

        var result = await h.CallAsync("conversations_list");

        var error = ResultAssert.Error(result, "TENANT_SCOPE_NOT_ALLOWED", 403);
        Assert.StartsWith("conversations_list needs a number-scoped Pilot Status key", error.GetProperty("next").GetString());
        Assert.Contains("Next: conversations_list needs a number-scoped", ResultAssert.Text(result));
        Assert.Equal("Tenant keys cannot do this", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_number_key_refused_is_told_to_use_the_tenant_key()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.OnJson("GET /v1/messages/msg_1", 403, """{"error":"Tenant key required","code":"NUMBER_SCOPE_NOT_ALLOWED"}""");

        var error = ResultAssert.Error(await h.CallAsync("message_get", new { messageId = "msg_1" }), "NUMBER_SCOPE_NOT_ALLOWED", 403);

        Assert.StartsWith("message_get needs the tenant-scoped Pilot Status key", error.GetProperty("next").GetString());
    }
}
