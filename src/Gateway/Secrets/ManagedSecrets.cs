using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Secrets;

/// <summary>
/// The managed secrets as the gateway uses them: read from the source, remembered for scrubbing, kept for
/// <see cref="CredentialsOptions.SecretCacheSeconds"/>, and read again on demand after an upstream 401.
/// Absent secrets are cached too, so a missing number secret does not cost a vault read on every call.
/// </summary>
public sealed class ManagedSecrets(ISecretSource source, KnownSecrets known, IOptionsMonitor<CredentialsOptions> options, TimeProvider time)
{
    // Names come from the catalog and from number ids callers name; the bound keeps memory flat whatever they send.
    internal const int MaxEntries = 1024;

    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    public string SourceDescription => source.Description;

    /// <summary>The secret's value, or null when it does not exist.</summary>
    /// <param name="refresh">Bypass the cache (after an upstream 401: the key may have been rotated).</param>
    public async ValueTask<string?> FindAsync(string name, bool refresh, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!refresh && _cache.TryGetValue(name, out var cached) && cached.Expires > now)
        {
            return cached.Value;
        }

        string? value;
        try
        {
            value = await source.GetAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretSourceException e)
        {
            throw new MissingCredentialException(UpstreamOf(name), e.Message + " Ask the gateway's operator to fix the secret store's access.", "SECRET_UNAVAILABLE");
        }

        known.Remember(value);
        var lifetime = TimeSpan.FromSeconds(Math.Max(0, options.CurrentValue.SecretCacheSeconds));
        if (lifetime > TimeSpan.Zero)
        {
            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }

            _cache[name] = new Entry(value, now + lifetime);
        }

        return value;
    }

    /// <summary>The secret's value; a missing secret is an error naming it.</summary>
    public async ValueTask<string> GetAsync(string name, bool refresh, CancellationToken cancellationToken) =>
        await FindAsync(name, refresh, cancellationToken).ConfigureAwait(false) ?? throw Missing(name);

    public MissingCredentialException Missing(string name, string? why = null) => new(UpstreamOf(name),
        $"{why ?? "The gateway holds this upstream's key for you, but"} the secret '{name}' is not set in {source.Description}. Ask the gateway's operator to add it.",
        "SECRET_MISSING");

    private static Upstream UpstreamOf(string name) =>
        name.StartsWith("chilipiper", StringComparison.Ordinal) ? Upstream.ChiliPiper : Upstream.PilotStatus;

    private sealed record Entry(string? Value, DateTimeOffset Expires);
}
