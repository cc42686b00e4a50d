using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>OpenIddict's tokens over the record store: codes and refresh tokens (redeemed once), and access token entries (revocable).</summary>
public sealed class OAuthTokenStore(IOAuthRecordStore store) : IOpenIddictTokenStore<OAuthTokenRecord>
{
    private readonly RecordSet<OAuthTokenRecord> _set = new(store, OAuthTokenRecord.Kind, OAuthJson.Default.OAuthTokenRecord);

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => (await _set.ListAsync(cancellationToken)).Count;

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OAuthTokenRecord>, IQueryable<TResult>> query, CancellationToken cancellationToken) =>
        throw StoreQueries.Refused();

    public ValueTask CreateAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => _set.CreateAsync(token, cancellationToken);

    public ValueTask DeleteAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => _set.DeleteAsync(token, cancellationToken);

    public IAsyncEnumerable<OAuthTokenRecord> FindAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        _set.WhereAsync(t => (subject is null || t.Subject == subject) && (client is null || t.ApplicationId == client)
            && (status is null || t.Status == status) && (type is null || t.Type == type), cancellationToken);

    public IAsyncEnumerable<OAuthTokenRecord> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        _set.WhereAsync(t => t.ApplicationId == identifier, cancellationToken);

    public IAsyncEnumerable<OAuthTokenRecord> FindByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken) =>
        _set.WhereAsync(t => t.AuthorizationId == identifier, cancellationToken);

    public ValueTask<OAuthTokenRecord?> FindByIdAsync(string identifier, CancellationToken cancellationToken) => _set.FindAsync(identifier, cancellationToken);

    public async ValueTask<OAuthTokenRecord?> FindByReferenceIdAsync(string identifier, CancellationToken cancellationToken)
    {
        await foreach (var token in _set.WhereAsync(t => t.ReferenceId == identifier, cancellationToken))
        {
            return token;
        }

        return null;
    }

    public IAsyncEnumerable<OAuthTokenRecord> FindBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        _set.WhereAsync(t => t.Subject == subject, cancellationToken);

    public ValueTask<string?> GetApplicationIdAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.ApplicationId);

    public ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<OAuthTokenRecord>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreQueries.Refused();

    public ValueTask<string?> GetAuthorizationIdAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.AuthorizationId);

    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.CreationDate);

    public ValueTask<DateTimeOffset?> GetExpirationDateAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.ExpirationDate);

    public ValueTask<string?> GetIdAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.Id);

    public ValueTask<string?> GetPayloadAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.Payload);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthTokenRecord token, CancellationToken cancellationToken) =>
        new(RecordSet<OAuthTokenRecord>.ReadProperties(token.Properties));

    public ValueTask<DateTimeOffset?> GetRedemptionDateAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.RedemptionDate);

    public ValueTask<string?> GetReferenceIdAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.ReferenceId);

    public ValueTask<string?> GetStatusAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.Status);

    public ValueTask<string?> GetSubjectAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.Subject);

    public ValueTask<string?> GetTypeAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => new(token.Type);

    public ValueTask<OAuthTokenRecord> InstantiateAsync(CancellationToken cancellationToken) => new(new OAuthTokenRecord());

    public async IAsyncEnumerable<OAuthTokenRecord> ListAsync(int? count, int? offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var token in (await _set.ListAsync(cancellationToken)).Skip(offset ?? 0).Take(count ?? int.MaxValue))
        {
            yield return token;
        }
    }

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<OAuthTokenRecord>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreQueries.Refused();

    /// <summary>Removes tokens created before the threshold that are expired or no longer valid.</summary>
    public async ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken)
    {
        long pruned = 0;
        foreach (var token in await _set.ListAsync(cancellationToken))
        {
            if (token.CreationDate < threshold && (token.Status is not (Statuses.Inactive or Statuses.Valid) || token.ExpirationDate < DateTimeOffset.UtcNow))
            {
                try
                {
                    await _set.DeleteAsync(token, cancellationToken);
                    pruned++;
                }
                catch (OpenIddictExceptions.ConcurrencyException)
                {
                }
            }
        }

        return pruned;
    }

    public ValueTask<long> RevokeAsync(string? subject, string? client, string? status, string? type, CancellationToken cancellationToken) =>
        _set.RevokeAsync(FindAsync(subject, client, status, type, cancellationToken), cancellationToken);

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken = default) =>
        _set.RevokeAsync(FindByApplicationIdAsync(identifier, cancellationToken), cancellationToken);

    public ValueTask<long> RevokeByAuthorizationIdAsync(string identifier, CancellationToken cancellationToken) =>
        _set.RevokeAsync(FindByAuthorizationIdAsync(identifier, cancellationToken), cancellationToken);

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken = default) =>
        _set.RevokeAsync(FindBySubjectAsync(subject, cancellationToken), cancellationToken);


    public ValueTask SetApplicationIdAsync(OAuthTokenRecord token, string? identifier, CancellationToken cancellationToken) => Set(() => token.ApplicationId = identifier);

    public ValueTask SetAuthorizationIdAsync(OAuthTokenRecord token, string? identifier, CancellationToken cancellationToken) => Set(() => token.AuthorizationId = identifier);

    public ValueTask SetCreationDateAsync(OAuthTokenRecord token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.CreationDate = date);

    public ValueTask SetExpirationDateAsync(OAuthTokenRecord token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.ExpirationDate = date);

    public ValueTask SetPayloadAsync(OAuthTokenRecord token, string? payload, CancellationToken cancellationToken) => Set(() => token.Payload = payload);

    public ValueTask SetPropertiesAsync(OAuthTokenRecord token, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => token.Properties = RecordSet<OAuthTokenRecord>.WriteProperties(properties));

    public ValueTask SetRedemptionDateAsync(OAuthTokenRecord token, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => token.RedemptionDate = date);

    public ValueTask SetReferenceIdAsync(OAuthTokenRecord token, string? identifier, CancellationToken cancellationToken) => Set(() => token.ReferenceId = identifier);

    public ValueTask SetStatusAsync(OAuthTokenRecord token, string? status, CancellationToken cancellationToken) => Set(() => token.Status = status);

    public ValueTask SetSubjectAsync(OAuthTokenRecord token, string? subject, CancellationToken cancellationToken) => Set(() => token.Subject = subject);

    public ValueTask SetTypeAsync(OAuthTokenRecord token, string? type, CancellationToken cancellationToken) => Set(() => token.Type = type);

    public ValueTask UpdateAsync(OAuthTokenRecord token, CancellationToken cancellationToken) => _set.UpdateAsync(token, cancellationToken);

    private static ValueTask Set(Action set)
    {
        set();
        return default;
    }
}
