using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Booking.Stores;

namespace Serverless.Functions.Booking;

/// <summary>One store operation on a session, as the adapter schedules it.</summary>
public sealed record SessionEntityCall(string Key, SessionEntityOperationKind Kind, BookingSession? Session, long ExpectedVersion);

/// <summary>
/// Calls the session's entity and returns its answer. The round trip goes through an orchestration because
/// a signal from a client returns nothing and a client's read of entity state may be stale, while the
/// store's compare-and-set needs the entity's own answer.
/// </summary>
public static class BookingSessionOrchestration
{
    public const string Name = "booking-session-call";

    [Function(Name)]
    public static Task<SessionEntityAnswer> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var call = context.GetInput<SessionEntityCall>() ?? throw new InvalidOperationException("A booking session call needs its input.");

        // The orchestration's clock is replay-safe, so the entity decides expiry on one agreed instant.
        var now = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
        return context.Entities.CallEntityAsync<SessionEntityAnswer>(
            new EntityInstanceId(BookingSessionEntity.Name, SessionKeyDigest.Of(call.Key)),
            nameof(BookingSessionEntity.Apply),
            new SessionEntityOperation(call.Kind, call.Session, call.ExpectedVersion, now));
    }
}
