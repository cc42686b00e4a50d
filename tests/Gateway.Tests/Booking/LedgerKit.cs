using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Tools.ChiliPiper;
using Serverless.Tools.Errors;

namespace Serverless.Gateway.Tests.Booking;

/// <summary>A ledger on a manual clock with an in-memory store, and a stand-in phase-2 tool that counts its calls.</summary>
internal sealed class LedgerKit
{
    public const string Alice = "alice";
    public const string Bob = "bob";

    public static readonly string[] Offered =
    [
        "2030-01-07T09:00:00Z", "2030-01-07T09:30:00Z", "2030-01-07T10:00:00Z", "2030-01-07T10:30:00Z",
        "2030-01-07T11:00:00Z", "2030-01-07T11:30:00Z", "2030-01-07T14:00:00Z", "2030-01-07T15:00:00Z",
    ];

    private int _calls;

    /// <param name="storeLatency">Makes every store operation slow, so concurrent calls interleave between reading and claiming.</param>
    public LedgerKit(BookingOptions? options = null, TimeSpan? storeLatency = null)
    {
        Options = options ?? new BookingOptions();
        Store = new InMemoryBookingSessionStore(Time);
        IBookingSessionStore store = storeLatency is { } latency ? new LatentStore(Store, latency) : Store;
        Ledger = new BookingLedger(store, new Fixed(Options), Time, NullLogger<BookingLedger>.Instance);
    }

    public ManualTime Time { get; } = new(new DateTimeOffset(2030, 1, 6, 12, 0, 0, TimeSpan.Zero));

    public BookingOptions Options { get; }

    public InMemoryBookingSessionStore Store { get; }

    public BookingLedger Ledger { get; }

    /// <summary>How often a phase-2 call reached the stand-in tool.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>What the stand-in phase-2 tool answers; a successful booking by default.</summary>
    public Func<int, CancellationToken, Task<CallToolResult>> Tool { get; set; } =
        (n, _) => Task.FromResult(ToolResults.Success(new JsonObject { ["meetingId"] = $"meeting-{n}", ["type"] = "Success" }));

    public Task OpenAsync(string caller, string routeId, params string[] startTimes) =>
        Ledger.RecordPhaseOneAsync(caller, TwoPhaseBooking.SchedulingLink, "scheduling-link-init",
            Result(new JsonObject
            {
                ["routeId"] = routeId,
                ["startTimes"] = new JsonArray([.. (startTimes.Length == 0 ? Offered : startTimes).Select(t => JsonValue.Create(t))]),
            }), CancellationToken.None);

    public Task<CallToolResult> BookAsync(string caller, string routeId, string startTime) =>
        BookAsync(caller, TwoPhaseBooking.SchedulingLink, new JsonObject { ["routeId"] = routeId, ["body"] = new JsonObject { ["startTime"] = startTime } });

    public Task<CallToolResult> BookAsync(string caller, TwoPhaseBooking flow, JsonObject arguments) =>
        Ledger.BookAsync(caller, flow, Arguments(arguments), async ct => await Tool(Interlocked.Increment(ref _calls), ct), CancellationToken.None);

    public static CallToolResult Result(JsonObject body) => ToolResults.Success(body);

    public static Dictionary<string, JsonElement> Arguments(JsonObject arguments) =>
        arguments.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value));

    public static JsonElement Error(CallToolResult result)
    {
        Assert.True(result.IsError, "expected an error result, got: " + Text(result));
        return result.StructuredContent!.Value.GetProperty("error");
    }

    public static string Code(CallToolResult result) => Error(result).GetProperty("code").GetString()!;

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public static string? MeetingId(CallToolResult result) =>
        result.StructuredContent is { } content && content.TryGetProperty("meetingId", out var id) ? id.GetString() : null;

    public static bool AlreadyBooked(CallToolResult result) =>
        result.StructuredContent is { } content && content.TryGetProperty("alreadyBooked", out var flag) && flag.ValueKind == JsonValueKind.True;

    private sealed class Fixed(BookingOptions value) : IOptionsMonitor<BookingOptions>
    {
        public BookingOptions CurrentValue => value;

        public BookingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<BookingOptions, string?> listener) => null;
    }
}
