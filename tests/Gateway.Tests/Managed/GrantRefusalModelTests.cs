using Serverless.Gateway.Grants;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>
/// Grant refusals are one model, whichever check meets them: a tool outside the grant is NOT_GRANTED, a
/// number outside it is GRANT_REFUSED, and both are typed refusals that say the upstream was not called.
/// </summary>
public sealed class GrantRefusalModelTests
{
    private static readonly CallerIdentity Caller = new(
        "two", new Grant(new HashSet<string>(StringComparer.Ordinal) { "num_2" }, ChiliPiperAccess.Read, null, ReadOnly: false), "client-key");

    private static ToolEntry Tool(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        return entry;
    }

    [Fact]
    public void A_tool_outside_the_grant_is_not_granted_wherever_the_grant_is_checked()
    {
        var (target, refusal) = CallTarget.For(Tool("meeting-cancel"), null, null, Caller);

        Assert.Null(target);
        Assert.NotNull(refusal);
        var direct = GrantRefusals.ToolOutside("meeting-cancel", Caller, Caller.Grant.Excludes(Tool("meeting-cancel"))!);
        Assert.Equal(direct, refusal);
        Assert.Equal(GrantRefusals.ToolNotGranted, refusal.ReportedCode);
        Assert.Equal(ToolErrorKind.Refused, refusal.Kind);
        Assert.Contains("read-only Chili Piper access", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_outside_the_grant_is_grant_refused_and_the_upstream_is_not_called()
    {
        var (target, refusal) = CallTarget.For(Tool("numbers_get"), new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["id"] = System.Text.Json.JsonSerializer.SerializeToElement("num_1"),
        }, null, Caller);

        Assert.Null(target);
        Assert.Equal(GrantRefusals.NumberNotGranted, refusal!.ReportedCode);
        Assert.Contains("'num_1'", refusal.Message, StringComparison.Ordinal);
        var text = string.Join("\n", ToolResults.Error(refusal).Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text));
        Assert.EndsWith("The upstream was not called.", text, StringComparison.Ordinal);
    }
}
