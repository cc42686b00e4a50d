using ModelContextProtocol.Protocol;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.Errors;

/// <summary>
/// A tool error is a typed value from where it happens to the one renderer: later layers read it back as a
/// value, add to it and render again; nothing cuts or parses result text.
/// </summary>
public sealed class ToolErrorTests
{
    [Fact]
    public void A_rendered_error_gives_back_the_typed_value_and_a_success_gives_none()
    {
        var error = ToolError.FromUpstream(new UpstreamError(Upstream.ChiliPiper, 409, "RevisionConflict", "Changed."));

        var result = ToolResults.Error(error);

        Assert.Same(error, ToolError.Of(result));
        Assert.Null(ToolError.Of(ToolResults.Success(null)));
        Assert.Null(ToolError.Of(new CallToolResult { IsError = true }));
    }

    [Fact]
    public void Advice_added_by_a_later_layer_is_rendered_after_the_tools_own()
    {
        var error = ToolError.FromUpstream(new UpstreamError(Upstream.ChiliPiper, 400, null, "No."), new ToolDeclaration("x-schedule", IsRead: false));

        var result = ToolResults.Error(error with { Also = ("Booking session", "Run phase 1 again.") });

        var rendered = ResultAssert.Error(result, status: 400);
        Assert.Equal(error.Next + " Run phase 1 again.", rendered.GetProperty("next").GetString());
        Assert.Equal($"Chili Piper error (HTTP 400): No.\nNext: {error.Next}\nBooking session: Run phase 1 again.", ResultAssert.Text(result));
    }

    [Theory]
    [InlineData(true, "Try again later.")]
    [InlineData(false, "Check the current state before calling again.")]
    public void The_fallback_advice_follows_the_tools_declaration(bool isRead, string advice)
    {
        var error = ToolError.FromUpstream(new UpstreamError(Upstream.PilotStatus, 418, null, "Teapot."), new ToolDeclaration("t", isRead));

        Assert.Equal(advice, error.Next);
    }

    [Fact]
    public void A_key_scope_refusal_names_the_key_the_declared_tool_needs()
    {
        var refusal = new UpstreamError(Upstream.PilotStatus, 403, "TENANT_SCOPE_NOT_ALLOWED", "Tenant keys cannot do this.");

        var declared = ToolError.FromUpstream(refusal, new ToolDeclaration("groups_list", IsRead: true, KeyScope.Number));
        var undeclared = ToolError.FromUpstream(refusal);

        Assert.StartsWith("groups_list needs a number-scoped Pilot Status key", declared.Next, StringComparison.Ordinal);
        Assert.StartsWith("This tool needs a number-scoped Pilot Status key", undeclared.Next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_error_a_tool_returns_carries_its_code_in_text_and_structure()
    {
        await using var h = await ToolHarness.StartAsync(credentials: new Upstreams.CallerCredentials());

        var missing = await h.CallAsync("numbers_list");
        var invalid = await h.CallAsync("numbers_get", new { id = ".." });

        ResultAssert.Error(missing, "CREDENTIAL_MISSING");
        Assert.Equal("id", ResultAssert.Error(invalid).GetProperty("parameter").GetString());
    }
}
