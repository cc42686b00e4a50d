namespace Serverless.Gateway.Booking;

/// <summary>
/// The store of one process (self-host, stdio, tests). Sessions past their retention are swept now and then
/// while new ones arrive, so memory follows the traffic of the last retention period.
/// </summary>
public sealed class InMemoryBookingSessionStore(TimeProvider time) : IBookingSessionStore
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, BookingSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _sessions.Count;
            }
        }
    }

    public ValueTask<BookingSession?> GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult(_sessions.TryGetValue(key, out var session) && !Forgotten(session, time.GetUtcNow()) ? session : null);
        }
    }

    public ValueTask<bool> TryAddAsync(BookingSession session, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            SweepIfDue(now);
            if (_sessions.TryGetValue(session.Key, out var existing) && !Forgotten(existing, now))
            {
                return ValueTask.FromResult(false);
            }

            _sessions[session.Key] = session;
            return ValueTask.FromResult(true);
        }
    }

    public ValueTask<bool> TryReplaceAsync(BookingSession replacement, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_sessions.TryGetValue(replacement.Key, out var current) || Forgotten(current, time.GetUtcNow()) || current.Version != expectedVersion)
            {
                return ValueTask.FromResult(false);
            }

            _sessions[replacement.Key] = replacement;
            return ValueTask.FromResult(true);
        }
    }

    private static bool Forgotten(BookingSession session, DateTimeOffset now) => now >= session.RetainUntil;

    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + SweepEvery;
        foreach (var key in _sessions.Where(p => Forgotten(p.Value, now)).Select(p => p.Key).ToArray())
        {
            _sessions.Remove(key);
        }
    }
}
