using Serverless.Gateway.Booking;

namespace Serverless.Gateway.Tests.Booking;

/// <summary>
/// A store that answers after a delay, as a remote one does. Concurrent callers then all read a session before
/// any of them claims it, so only the store's compare-and-set keeps them from all booking.
/// </summary>
internal sealed class LatentStore(IBookingSessionStore inner, TimeSpan latency) : IBookingSessionStore
{
    public async ValueTask<BookingSession?> GetAsync(string key, CancellationToken cancellationToken)
    {
        await Task.Delay(latency, cancellationToken);
        return await inner.GetAsync(key, cancellationToken);
    }

    public async ValueTask<bool> TryAddAsync(BookingSession session, CancellationToken cancellationToken)
    {
        await Task.Delay(latency, cancellationToken);
        return await inner.TryAddAsync(session, cancellationToken);
    }

    public async ValueTask<bool> TryReplaceAsync(BookingSession replacement, long expectedVersion, CancellationToken cancellationToken)
    {
        await Task.Delay(latency, cancellationToken);
        return await inner.TryReplaceAsync(replacement, expectedVersion, cancellationToken);
    }
}
