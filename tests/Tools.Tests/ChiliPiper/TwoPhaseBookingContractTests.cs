using System.Text.Json;
using System.Text.Json.Nodes;
using Serverless.Tools.Catalog;
using Serverless.Tools.ChiliPiper;
using Serverless.Tools.Errors;
using Serverless.Tools.Tests.Infrastructure;

namespace Serverless.Tools.Tests.ChiliPiper;

/// <summary>
/// The two-phase contracts the booking ledger relies on are tied to the catalog: renaming a tool or a parameter
/// they name fails here instead of silently switching a ledger check off.
/// </summary>
public sealed class TwoPhaseBookingContractTests
{
    public static TheoryData<string> Flows => [.. TwoPhaseBooking.All.Select(f => f.Name)];

    private static TwoPhaseBooking Flow(string name) => TwoPhaseBooking.All.Single(f => f.Name == name);

    [Theory]
    [MemberData(nameof(Flows))]
    public void Every_tool_a_contract_names_is_a_chili_piper_write_of_the_catalog(string name)
    {
        var catalog = ToolCatalog.CreateDefault();
        var flow = Flow(name);

        foreach (var tool in flow.PhaseOneTools.Append(flow.PhaseTwoTool))
        {
            Assert.True(catalog.TryGet(tool, out var entry), $"{name} names '{tool}', which the catalog does not have");
            Assert.Equal(Upstream.ChiliPiper, entry.Upstream);

            // Both phases change the vendor's state (a session, then a meeting), so neither may be retried.
            Assert.False(entry.ReadOnly, $"{tool} opens or books a session and must not be declared read-only");
        }
    }

    [Fact]
    public void The_tool_that_checks_an_unknown_outcome_is_a_chili_piper_read_of_the_catalog()
    {
        Assert.True(ToolCatalog.CreateDefault().TryGet(TwoPhaseBooking.CheckTool, out var entry));
        Assert.Equal(Upstream.ChiliPiper, entry.Upstream);
        Assert.True(entry.ReadOnly);
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void The_phase_two_tool_takes_every_parameter_the_contract_reads(string name)
    {
        var flow = Flow(name);
        Assert.True(ToolCatalog.CreateDefault().TryGet(flow.PhaseTwoTool, out var entry));
        var schema = entry.Tool.ProtocolTool.InputSchema;
        var properties = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var required = schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToHashSet(StringComparer.Ordinal);

        foreach (var parameter in flow.PhaseTwoParameters)
        {
            Assert.Contains(parameter, properties);
            Assert.Contains(parameter, required);
        }
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task The_contract_reads_back_the_arguments_the_phase_two_tool_sends_upstream(string name)
    {
        var flow = Flow(name);
        var arguments = new Dictionary<string, object?> { [flow.SessionIdName] = "session-1" };
        const string startTime = "2030-01-07T09:00:00Z";
        if (flow.StartTimeInBody)
        {
            arguments[TwoPhaseBooking.BodyParameter] = new Dictionary<string, object?> { [TwoPhaseBooking.StartTimeField] = startTime };
        }
        else
        {
            arguments[TwoPhaseBooking.StartTimeField] = startTime;
        }

        if (flow.HasPaths)
        {
            arguments[TwoPhaseBooking.RouterIdField] = "router-1";
            arguments[TwoPhaseBooking.PathIdField] = "path-1";
            arguments["userId"] = "user-1";
        }

        await using var h = await ToolHarness.StartAsync();
        h.Upstream.Fallback = _ => FakeUpstream.Json(200, """{"type":"Success","meetingId":"m-1"}""");

        ResultAssert.Success(await h.CallAsync(flow.PhaseTwoTool, arguments));
        var request = flow.ReadRequest(JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));

        var sent = h.Upstream.Single();
        Assert.Contains("/session-1/", sent.Path + "/", StringComparison.Ordinal);
        Assert.Equal(startTime, JsonNode.Parse(sent.Body)![TwoPhaseBooking.StartTimeField]!.GetValue<string>());
        Assert.Equal(("session-1", startTime), (request.SessionId, request.StartTime));
        if (flow.HasPaths)
        {
            Assert.Contains("/router-1/", sent.Path, StringComparison.Ordinal);
            Assert.Contains("/path-1/", sent.Path, StringComparison.Ordinal);
            Assert.Equal(("router-1", "path-1"), (request.RouterId, request.PathId));
        }
    }

    [Fact]
    public void A_missing_session_id_is_refused_naming_the_contracts_parameter()
    {
        foreach (var flow in TwoPhaseBooking.All)
        {
            var refusal = Assert.Throws<ToolArgumentException>(() => flow.ReadRequest(new Dictionary<string, JsonElement>()));
            Assert.Equal(flow.SessionIdName, refusal.Parameter);
        }
    }

    [Theory]
    [InlineData("""{"type":"Failure","reason":"Slot taken"}""", "Slot taken")]
    [InlineData("""{"host":"h","scheduleMeetingResult":{"type":"Failure","details":"Session used"}}""", "Session used")]
    [InlineData("""{"type":"Success","meetingId":"m-1"}""", null)]
    [InlineData("""{"host":"h","scheduleMeetingResult":{"type":"Success","meetingId":"m-1"}}""", null)]
    public void The_failure_inside_a_200_is_recognised_top_level_and_nested(string body, string? failure)
    {
        Assert.Equal(failure, TwoPhaseBooking.FailureIn(JsonNode.Parse(body)));
        Assert.Equal(failure is null ? "m-1" : null, TwoPhaseBooking.MeetingIdOf(JsonNode.Parse(body)));
    }

    [Fact]
    public async Task The_client_reports_the_contracts_failure_as_an_error()
    {
        await using var h = await ToolHarness.StartAsync();
        h.Upstream.Fallback = _ => FakeUpstream.Json(200, """{"host":"h","scheduleMeetingResult":{"type":"Failure","details":"Session used"}}""");

        var error = ResultAssert.Error(await h.CallAsync(TwoPhaseBooking.Handoff.PhaseTwoTool, new
        {
            routingId = "r", routerId = "a", pathId = "p", userId = "u", startTime = "2030-01-07T09:00:00Z",
        }), TwoPhaseBooking.FailureCode);

        Assert.Equal("Session used", error.GetProperty("message").GetString());
    }
}
