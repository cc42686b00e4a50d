using System.Collections.Concurrent;

namespace Serverless.Tools.Upstreams;

/// <summary>
/// Every credential value the gateway has held (server-held keys, managed secrets, keys discovered for
/// numbers, issued tokens), so that anything it emits can be scrubbed of them. One per process.
/// Bounded: past <see cref="Capacity"/> values the oldest are forgotten first.
/// </summary>
public sealed class KnownSecrets
{
    public const int Capacity = 4096;

    // Shorter values are not treated as secrets: scrubbing them would mangle ordinary text.
    public const int MinimumLength = 8;

    private readonly ConcurrentDictionary<string, long> _values = new(StringComparer.Ordinal);
    private long _sequence;

    public void Remember(string? value)
    {
        if (value is null || value.Length < MinimumLength)
        {
            return;
        }

        _values[value] = Interlocked.Increment(ref _sequence);
        if (_values.Count > Capacity)
        {
            foreach (var oldest in _values.OrderBy(p => p.Value).Take(_values.Count - Capacity))
            {
                _values.TryRemove(oldest.Key, out _);
            }
        }
    }

    public IReadOnlyCollection<string> Values => (IReadOnlyCollection<string>)_values.Keys;
}
