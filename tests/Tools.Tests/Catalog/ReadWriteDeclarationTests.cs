using System.Net;
using System.Reflection;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.Tests.Infrastructure;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.Tests.Catalog;

/// <summary>
/// Whether a tool reads or writes is declared once, by the ReadOnly hint of its [McpServerTool]; the catalog,
/// the grants, the retries and the outcome-unknown flag all follow it, and no call site can say otherwise.
/// </summary>
public sealed class ReadWriteDeclarationTests
{
    private static readonly Dictionary<string, string?> Retrying = new()
    {
        ["PilotStatus:MaxReadRetries"] = "2",
        ["ChiliPiper:MaxReadRetries"] = "2",
        ["PilotStatus:MaxRetryAfterSeconds"] = "1",
        ["ChiliPiper:MaxRetryAfterSeconds"] = "1",
    };

    public static TheoryData<string> ToolNames => [.. ToolCatalog.CreateDefault().Entries.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Every_tools_declaration_matches_its_annotations(string name)
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(name, out var entry));
        // The hints as declared in code; what the wire leaves out as MCP defaults is checked by the catalog lint.
        var hints = entry.Hints;

        Assert.Equal(hints.ReadOnlyHint == true, entry.ReadOnly);
        if (entry.ReadOnly)
        {
            Assert.True(hints.IdempotentHint == true, $"{name} only reads, so calling it twice is the same as once");
            Assert.False(hints.DestructiveHint == true, $"{name} only reads, so it destroys nothing");
        }
    }

    [Fact]
    public void No_call_site_can_pass_its_own_read_flag()
    {
        // The request to an upstream and the tool body runner take no read/write flag: only the declaration decides.
        Assert.DoesNotContain(typeof(UpstreamCall).GetConstructors().SelectMany(c => c.GetParameters()), p => p.ParameterType == typeof(bool));
        Assert.DoesNotContain(typeof(UpstreamCall).GetProperties(), p => p.PropertyType == typeof(bool));
        var runners = typeof(ToolResults).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == nameof(ToolResults.RunAsync)).ToArray();
        var runner = Assert.Single(runners);
        Assert.DoesNotContain(runner.GetParameters(), p => p.ParameterType == typeof(bool));
    }

    [Fact]
    public async Task A_write_whose_request_is_a_get_is_sent_once_and_its_outcome_is_unknown()
    {
        await using var h = await ToolHarness.StartAsync(settings: Retrying);
        h.Upstream.On("GET /v1/numbers/num_1/connect", _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var error = ResultAssert.Error(await h.CallAsync("numbers_connect", new { id = "num_1" }), status: 503);

        Assert.False(ToolCatalog.CreateDefault().Entries.Single(e => e.Name == "numbers_connect").ReadOnly);
        Assert.Single(h.Upstream.Requests);
        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
    }

    [Fact]
    public async Task A_read_whose_request_is_a_put_is_retried_and_its_outcome_is_known()
    {
        await using var h = await ToolHarness.StartAsync(settings: Retrying);
        h.Upstream.On("PUT /api/fire-edge/v2/org/meetings/meetings", _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        var error = ResultAssert.Error(await h.CallAsync("meeting-list-put", new { start = "2026-03-01T10:00:00Z", end = "2026-03-02T10:00:00Z" }), status: 503);

        Assert.Equal(3, h.Upstream.Requests.Count);
        Assert.False(error.TryGetProperty("outcomeUnknown", out _));
    }

    [Fact]
    public async Task A_read_whose_request_is_a_get_is_retried()
    {
        await using var h = await ToolHarness.StartAsync(settings: Retrying);
        h.Upstream.On("GET /v1/numbers/num_1/status", _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));

        ResultAssert.Error(await h.CallAsync("numbers_status", new { id = "num_1" }), status: 503);

        Assert.Equal(3, h.Upstream.Requests.Count);
    }

    [Fact]
    public void Outside_a_tool_there_is_no_declaration()
    {
        Assert.Null(ToolDeclaration.Current);
    }
}
