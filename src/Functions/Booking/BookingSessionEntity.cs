using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Entities;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Booking.Stores;

namespace Serverless.Functions.Booking;

/// <summary>
/// A Durable Entity holding one booking session (its key is the digest of the session key). It runs one
/// operation at a time, which makes add and compare-and-set atomic; the decisions are
/// <see cref="SessionEntityRules"/>. It deletes itself when a session's retention ends, woken by a signal it
/// schedules for that instant.
/// </summary>
public sealed class BookingSessionEntity : TaskEntity<BookingSession?>
{
    public const string Name = "booking-session";

    public SessionEntityAnswer Apply(SessionEntityOperation operation)
    {
        var step = SessionEntityRules.Apply(State, operation);

        // A null state at the end of an operation deletes the entity.
        State = step.State;
        if (step.ExpireAt is { } at)
        {
            Context.SignalEntity(Context.Id, nameof(Expire), at, new SignalEntityOptions { SignalTime = at });
        }

        return step.Answer;
    }

    /// <param name="dueAt">The deadline the signal was scheduled for; it arrives at or after it, so the session
    /// is judged at that instant (a later deadline set since then keeps it).</param>
    public void Expire(DateTimeOffset dueAt) =>
        Apply(new SessionEntityOperation(SessionEntityOperationKind.Expire, null, 0, dueAt));

    // Without this the base class would make an empty BookingSession for a new entity.
    protected override BookingSession? InitializeState(TaskEntityOperation entityOperation) => null;

    [Function(Name)]
    public static Task RunAsync([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<BookingSessionEntity>();
}
