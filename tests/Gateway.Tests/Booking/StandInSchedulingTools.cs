using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;

namespace Serverless.Gateway.Tests.Booking;

/// <summary>
/// A booking backend that books whatever it is asked, as often as it is asked, and counts: without the
/// ledger, duplicates would become duplicate meetings here.
/// </summary>
public sealed class FakeBookingBackend
{
    public static readonly string[] StartTimes = ["2030-01-07T09:00:00Z", "2030-01-07T09:30:00Z", "2030-01-07T10:00:00Z"];

    private int _sessions;
    private int _bookings;

    /// <summary>How long a booking takes, so duplicate calls overlap.</summary>
    public TimeSpan BookingTakes { get; set; } = TimeSpan.FromMilliseconds(300);

    public ConcurrentQueue<(string RouteId, string StartTime, string MeetingId)> Bookings { get; } = new();

    public JsonObject Init() => new()
    {
        ["routeId"] = $"route-{Interlocked.Increment(ref _sessions)}",
        ["startTimes"] = new JsonArray([.. StartTimes.Select(t => (JsonNode)new JsonObject { ["startTime"] = t })]),
        ["failures"] = new JsonObject(),
    };

    public async Task<JsonObject> BookAsync(string routeId, string startTime, CancellationToken cancellationToken)
    {
        await Task.Delay(BookingTakes, cancellationToken);
        var meetingId = $"meeting-{Interlocked.Increment(ref _bookings)}";
        Bookings.Enqueue((routeId, startTime, meetingId));
        return new JsonObject { ["type"] = "Success", ["meetingId"] = meetingId };
    }
}

/// <summary>Stand-ins for the scheduling-link tools, with the real names and argument shape, over <see cref="FakeBookingBackend"/>.</summary>
[McpServerToolType]
[Toolset(Toolsets.Scheduling)]
public sealed class StandInSchedulingTools(FakeBookingBackend backend)
{
    [McpServerTool(Name = "scheduling-link-init", Title = "Open a booking session", ReadOnly = true, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Stand-in phase 1: returns a routeId and start times.")]
    public CallToolResult Init([Description("The link.")] JsonElement link) => ToolResults.Success(backend.Init());

    [McpServerTool(Name = "scheduling-link-schedule", Title = "Book a slot", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Stand-in phase 2: books body.startTime on the session.")]
    public Task<CallToolResult> Schedule(
        [Description("Session id from phase 1.")] string routeId,
        [Description("Booking body with startTime.")] JsonElement body,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
            ToolResults.Success(await backend.BookAsync(routeId, body.GetProperty("startTime").GetString()!, cancellationToken)));
}
