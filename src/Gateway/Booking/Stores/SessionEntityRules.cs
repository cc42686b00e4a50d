namespace Serverless.Gateway.Booking.Stores;

/// <summary>What a store operation asks of the entity that holds one session.</summary>
public enum SessionEntityOperationKind
{
    Get,
    Add,
    Replace,

    /// <summary>The entity's own wake-up at the session's RetainUntil: forget it if it is still due.</summary>
    Expire,
}

/// <param name="Session">The session to add, or the replacement; null for Get and Expire.</param>
/// <param name="ExpectedVersion">The version a Replace expects to find.</param>
/// <param name="Now">The caller's clock (the orchestration's replay-safe time), so the decision is deterministic.</param>
public sealed record SessionEntityOperation(SessionEntityOperationKind Kind, BookingSession? Session, long ExpectedVersion, DateTimeOffset Now);

/// <param name="Done">Add and Replace: whether the write happened. Get: whether a live session was found.</param>
/// <param name="Session">Get: the live session, otherwise null.</param>
public sealed record SessionEntityAnswer(bool Done, BookingSession? Session);

/// <param name="State">The entity's state after the operation; null deletes the entity.</param>
/// <param name="ExpireAt">When set, the entity schedules its own Expire for this instant.</param>
public sealed record SessionEntityStep(BookingSession? State, SessionEntityAnswer Answer, DateTimeOffset? ExpireAt);

/// <summary>
/// The decisions of a session entity as plain code: given the state it holds and one operation, the new
/// state and the answer. An entity runs one operation at a time, so these are the store contract's atomic
/// add and compare-and-set. A session past its RetainUntil counts as absent and is dropped on contact.
/// </summary>
public static class SessionEntityRules
{
    public static SessionEntityStep Apply(BookingSession? state, SessionEntityOperation operation)
    {
        var live = state is not null && operation.Now < state.RetainUntil ? state : null;
        switch (operation.Kind)
        {
            case SessionEntityOperationKind.Get:
                return new(live, new SessionEntityAnswer(live is not null, live), null);

            case SessionEntityOperationKind.Add:
                if (live is not null || operation.Session is not { } added)
                {
                    return new(live, new SessionEntityAnswer(false, null), null);
                }

                return new(added, new SessionEntityAnswer(true, null), ExpiryFor(live, added));

            case SessionEntityOperationKind.Replace:
                if (live is null || operation.Session is not { } replacement || live.Version != operation.ExpectedVersion
                    || !string.Equals(live.Key, replacement.Key, StringComparison.Ordinal))
                {
                    return new(live, new SessionEntityAnswer(false, null), null);
                }

                return new(replacement, new SessionEntityAnswer(true, null), ExpiryFor(live, replacement));

            case SessionEntityOperationKind.Expire:
                return new(live, new SessionEntityAnswer(live is null && state is not null, null), null);

            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation.Kind, "Unknown session entity operation.");
        }
    }

    // One wake-up per retention deadline: a replacement that keeps the deadline needs no new one.
    private static DateTimeOffset? ExpiryFor(BookingSession? before, BookingSession after) =>
        before is not null && before.RetainUntil == after.RetainUntil ? null : after.RetainUntil;
}
