namespace Serverless.Gateway.Booking;

/// <summary>
/// Where the ledger keeps booking sessions. In memory for one process; a deployment of several instances
/// needs one shared store (a Durable Entity per key, for example), or the ledger's guarantees hold per
/// instance only. Every method must be safe to call concurrently, and the two writes must be atomic per key:
/// the ledger relies on them, not on locks of its own, to let exactly one phase-2 call reach the upstream.
/// </summary>
public interface IBookingSessionStore
{
    /// <summary>
    /// The latest stored version of the session under <paramref name="key"/>, or null when there is none (or
    /// it was forgotten after its <see cref="BookingSession.RetainUntil"/>). Must see every write that
    /// completed before the call began.
    /// </summary>
    ValueTask<BookingSession?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new session unless its key already holds one. True when stored; false, with nothing changed,
    /// when the key was taken. Two concurrent adds of one key: exactly one returns true.
    /// </summary>
    ValueTask<bool> TryAddAsync(BookingSession session, CancellationToken cancellationToken);

    /// <summary>
    /// Compare-and-set: replaces the session under <paramref name="replacement"/>'s key only when the stored
    /// one still has <paramref name="expectedVersion"/>. True when replaced; false, with nothing changed,
    /// when another write came first or the key holds nothing. Of concurrent replaces that expect the same
    /// version, exactly one returns true. The replacement carries its own (higher) version.
    /// </summary>
    ValueTask<bool> TryReplaceAsync(BookingSession replacement, long expectedVersion, CancellationToken cancellationToken);
}
