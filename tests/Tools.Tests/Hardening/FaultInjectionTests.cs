using System.Net;
using System.Text;
using Serverless.Tools.Tests.Infrastructure;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.Tests.Hardening;

/// <summary>
/// A misbehaving upstream, for a read (messages_unread) and a write (messages_send): writes are sent exactly
/// once, reads are retried within the cap, every result says honestly what is known about the outcome, and
/// memory stays bounded under an answer far larger than the cap.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    private const int Retries = 2;
    private const string ReadRoute = "GET /v1/messages/unread";
    private const string WriteRoute = "POST /v1/messages/send";

    private static Dictionary<string, string?> Settings => new()
    {
        ["PilotStatus:MaxReadRetries"] = Retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PilotStatus:MaxRetryAfterSeconds"] = "1",
        ["PilotStatus:TimeoutSeconds"] = "1",
        ["PilotStatus:MaxResponseBytes"] = "65536",
    };

    /// <summary>Every fault, once for the read and once for the write.</summary>
    public static TheoryData<string, bool> Faults()
    {
        var data = new TheoryData<string, bool>();
        foreach (var fault in new[] { "500", "503", "429", "hang", "reset-before-body", "reset-mid-body", "invalid-json", "oversized" })
        {
            data.Add(fault, true);
            data.Add(fault, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_fault_gives_an_honest_result_and_writes_go_out_once(string fault, bool isRead)
    {
        await using var h = await ToolHarness.StartAsync(settings: Settings);
        h.Upstream.On(isRead ? ReadRoute : WriteRoute, _ => Answer(fault));

        var result = isRead
            ? await h.CallAsync("messages_unread")
            : await h.CallAsync("messages_send", new { destinationNumber = "+5511999998888", text = "hi" });

        var error = ResultAssert.Error(result);
        var sent = h.Upstream.Requests.Count;
        var retried = fault is "500" or "503" or "429" or "hang" or "reset-before-body" or "reset-mid-body";
        output.WriteLine($"fault={fault} {(isRead ? "read" : "write")} requests={sent} code={error.GetProperty("code")} status={error.GetProperty("status")}");

        Assert.Equal(isRead && retried ? 1 + Retries : 1, sent);
        var outcomeUnknown = error.TryGetProperty("outcomeUnknown", out var flag) && flag.GetBoolean();
        // A write the upstream may have applied says so; a read, a refusal (429) or an answer never sent does not.
        Assert.Equal(!isRead && fault != "429", outcomeUnknown);
        Assert.Equal(ExpectedCode(fault), error.GetProperty("code").GetString());
        if (fault == "429")
        {
            Assert.Equal(1, error.GetProperty("retryAfterSeconds").GetInt32());
        }

        if (fault == "oversized" && isRead)
        {
            Assert.Contains("pageSize", error.GetProperty("next").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_answer_far_past_the_cap_is_refused_without_holding_it()
    {
        const long upstreamBytes = 50L * 1024 * 1024;
        await using var h = await ToolHarness.StartAsync(settings: new() { ["PilotStatus:MaxResponseBytes"] = "1048576" });
        h.Upstream.On("GET /v1/numbers", _ => FaultContent.Endless(upstreamBytes, declareLength: false));

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => h.CallAsync("numbers_list")));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        output.WriteLine($"6 concurrent numbers_list calls against {upstreamBytes / (1024 * 1024)} MB answers: allocated {allocated / (1024 * 1024)} MB, peak working set of the test process {process.PeakWorkingSet64 / (1024 * 1024)} MB");

        foreach (var result in results)
        {
            var error = ResultAssert.Error(result, "RESPONSE_TOO_LARGE");
            Assert.Contains("1048576 bytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.True(ResultAssert.Text(result).Length < 2_000);
        }

        // Six answers of 50 MB read whole would allocate at least 300 MB; under the cap each call holds about 2 MB.
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public async Task A_declared_length_past_the_cap_is_refused_before_reading()
    {
        await using var h = await ToolHarness.StartAsync(settings: Settings);
        h.Upstream.On(ReadRoute, _ => FaultContent.Endless(10L * 1024 * 1024 * 1024, declareLength: true));

        ResultAssert.Error(await h.CallAsync("messages_unread"), "RESPONSE_TOO_LARGE");
    }

    [Fact]
    public async Task A_header_value_http_cannot_carry_is_refused_before_sending()
    {
        var caller = new CallerCredentials { PilotStatusApiKey = "ps_test_number", WhatsAppNumberId = "número-1" };
        await using var h = await ToolHarness.StartAsync(caller, Settings);
        h.Upstream.OnJson(WriteRoute, 200, """{"id":"m1"}""");
        h.Upstream.OnJson(ReadRoute, 200, """{"data":[]}""");

        var write = await h.CallAsync("messages_send", new { destinationNumber = "+5511999998888", text = "hi" });
        var read = await h.CallAsync("messages_unread");

        foreach (var result in new[] { write, read })
        {
            var error = ResultAssert.Error(result, "INVALID_HEADER");
            Assert.Equal("x-whatsapp-number-id", error.GetProperty("parameter").GetString());
            Assert.DoesNotContain("número", ResultAssert.Text(result), StringComparison.Ordinal);
            Assert.Contains("was not called", ResultAssert.Text(result), StringComparison.Ordinal);
        }

        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task A_success_with_invalid_json_is_not_reported_as_success()
    {
        await using var h = await ToolHarness.StartAsync(settings: Settings);
        h.Upstream.On(WriteRoute, _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>Queued", Encoding.UTF8, "application/json") });

        var error = ResultAssert.Error(await h.CallAsync("messages_send", new { destinationNumber = "+5511999998888", text = "hi" }), "INVALID_RESPONSE");

        Assert.True(error.GetProperty("outcomeUnknown").GetBoolean());
        Assert.StartsWith("Outcome unknown", error.GetProperty("next").GetString(), StringComparison.Ordinal);
    }

    private static string ExpectedCode(string fault) => fault switch
    {
        "hang" => "TIMEOUT",
        "reset-before-body" or "reset-mid-body" => "UNREACHABLE",
        "invalid-json" => "INVALID_RESPONSE",
        "oversized" => "RESPONSE_TOO_LARGE",
        _ => "HTTP_" + fault,
    };

    private static HttpResponseMessage Answer(string fault) => fault switch
    {
        "500" or "503" => FakeUpstream.Json(int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture), $$"""{"error":"upstream failed","code":"HTTP_{{fault}}"}"""),
        "429" => WithRetryAfter(FakeUpstream.Json(429, """{"error":"slow down","code":"HTTP_429"}""")),
        "hang" => FaultContent.Hanging(),
        "reset-before-body" => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection reset"),
        "reset-mid-body" => FaultContent.BrokenMidBody(),
        "invalid-json" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":", Encoding.UTF8, "application/json") },
        "oversized" => FaultContent.Endless(1024 * 1024, declareLength: false),
        _ => throw new ArgumentOutOfRangeException(nameof(fault)),
    };

    private static HttpResponseMessage WithRetryAfter(HttpResponseMessage response)
    {
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        return response;
    }
}
