namespace Serverless.Gateway.OAuth.Stores;

/// <summary>Two writers changed one record at once; the later one must read it again.</summary>
public sealed class OAuthRecordConflictException(string message) : Exception(message);

/// <summary>
/// Where the authorization server's documents live: memory (one process), a local folder (a self-host that keeps
/// its connections across restarts) or an Azure table (every instance of a deployment). Records are JSON text;
/// an update or delete succeeds only when the stored record still has the concurrency token the caller read.
/// </summary>
public interface IOAuthRecordStore
{
    Task<string?> GetAsync(string kind, string id, CancellationToken cancellationToken);

    /// <summary>Every record of a kind. Expired tokens are pruned, so the set stays as small as the live connections.</summary>
    IAsyncEnumerable<string> ListAsync(string kind, CancellationToken cancellationToken);

    /// <exception cref="OAuthRecordConflictException">A record with this id exists.</exception>
    Task CreateAsync(string kind, string id, string json, CancellationToken cancellationToken);

    /// <exception cref="OAuthRecordConflictException">The stored record's token is no longer <paramref name="expectedToken"/>.</exception>
    Task ReplaceAsync(string kind, string id, string expectedToken, string json, CancellationToken cancellationToken);

    /// <exception cref="OAuthRecordConflictException">The stored record's token is no longer <paramref name="expectedToken"/>.</exception>
    Task DeleteAsync(string kind, string id, string expectedToken, CancellationToken cancellationToken);
}
