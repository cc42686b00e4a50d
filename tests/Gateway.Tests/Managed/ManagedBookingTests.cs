using System.Text.Json;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Callers;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>
/// In managed mode every caller's Chili Piper calls carry the deployment's one token, so the booking ledger must
/// tell callers apart by their managed identity: a session opened by one client is not another's to book.
/// </summary>
public sealed class ManagedBookingTests
{
    private const string OtherKey = "mcpgw_test_other_full_client";

    [Fact]
    public async Task A_session_opened_by_one_client_cannot_be_booked_by_another()
    {
        var settings = ManagedHost.Settings();
        settings["Clients:other:KeySha256"] = ClientKeys.Sha256Hex(OtherKey);
        settings["Clients:other:Numbers"] = "*";
        settings["Clients:other:ChiliPiper"] = "full";
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, settings);
        await using var owner = await host.ConnectAsClientAsync(ManagedHost.AllKey);
        await using var other = await host.ConnectAsClientAsync(OtherKey);
        var ct = TestContext.Current.CancellationToken;

        var init = await owner.CallToolAsync("scheduling-link-init", Arguments("""
            {"link":{"slug":"sales-demo"},"interval":{"startsAt":"2099-01-05T00:00:00Z","duration":"7 days"},"guestEmail":"ana@acme.example"}
            """), cancellationToken: ct);
        Assert.True(init.IsError is not true, ManagedHost.Text(init));
        var routeId = init.StructuredContent!.Value.GetProperty("routeId").GetString();
        var startTime = init.StructuredContent!.Value.GetProperty("startTimes")[0].GetString();
        var schedule = Arguments($$$"""{"routeId":"{{{routeId}}}","body":{"startTime":"{{{startTime}}}","guestEmail":"ana@acme.example"}}""");

        recorder.Clear();
        var stolen = await other.CallToolAsync("scheduling-link-schedule", schedule, cancellationToken: ct);
        Assert.Equal(BookingResults.SessionNotYours, ManagedHost.ErrorCode(stolen));
        Assert.Empty(recorder.Requests);

        var booked = await owner.CallToolAsync("scheduling-link-schedule", schedule, cancellationToken: ct);
        Assert.True(booked.IsError is not true, ManagedHost.Text(booked));
        var replay = await owner.CallToolAsync("scheduling-link-schedule", schedule, cancellationToken: ct);
        Assert.True(replay.IsError is not true, ManagedHost.Text(replay));
        Assert.Single(recorder.Requests, r => r.Method == "POST");
    }

    private static Dictionary<string, object?> Arguments(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value);
}
