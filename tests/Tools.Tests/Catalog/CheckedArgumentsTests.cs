using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.Catalog;

/// <summary>Arguments the input schema rules out get a precise error, and nothing reaches the upstream.</summary>
public sealed class CheckedArgumentsTests
{
    private static System.Text.Json.JsonElement InvalidArgument(ModelContextProtocol.Protocol.CallToolResult result)
    {
        var error = ResultAssert.Error(result);
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.Contains("The upstream was not called", ResultAssert.Text(result));
        return error;
    }

    [Fact]
    public async Task A_value_outside_an_enum_names_the_allowed_values()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = InvalidArgument(await h.CallAsync("billing_checkout", new { purpose = "refund" }));

        Assert.Equal("purpose", error.GetProperty("parameter").GetString());
        Assert.Contains("wallet_topup, add_card", error.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task An_enum_inside_an_array_is_checked_item_by_item()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = InvalidArgument(await h.CallAsync("meeting-list-put", new
        {
            start = "2026-03-02T00:00:00Z",
            end = "2026-03-03T00:00:00Z",
            status = new[] { "Active", "Booked" },
        }));

        Assert.Equal("status[1]", error.GetProperty("parameter").GetString());
        Assert.Contains("Active, Canceled, NoShow, Completed", error.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task A_missing_required_argument_is_named()
    {
        await using var h = await ToolHarness.StartAsync();

        var error = InvalidArgument(await h.CallAsync("message_get", new { }));

        Assert.Equal("messageId", error.GetProperty("parameter").GetString());
        Assert.Contains("required", error.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task A_wrong_json_type_is_named_with_both_types_including_nested_members()
    {
        await using var h = await ToolHarness.StartAsync();

        var topLevel = InvalidArgument(await h.CallAsync("messages_unread", new { page = "two" }));
        var nested = InvalidArgument(await h.CallAsync("user-find", new { query = "a", pagination = new { pageSize = 2.5 } }));

        Assert.Equal("'page' must be an integer, not a string.", topLevel.GetProperty("message").GetString());
        Assert.Equal("pagination.pageSize", nested.GetProperty("parameter").GetString());
        Assert.Equal("'pagination.pageSize' must be an integer, not a number.", nested.GetProperty("message").GetString());
        Assert.Empty(h.Upstream.Requests);
    }
}
