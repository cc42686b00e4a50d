using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>OpenIddict's authorizations over the record store: each is one connection a user approved, holding its grant.</summary>
public sealed class OAuthAuthorizationStore(IOAuthRecordStore store, IOpenIddictTokenStore<OAuthTokenRecord> tokens) : IOpenIddictAuthorizationStore<OAuthAuthorizationRecord>
{
    private readonly RecordSet<OAuthAuthorizationRecord> _set = new(store, OAuthAuthorizationRecord.Kind, OAuthJson.Default.OAuthAuthorizationRecord);

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => (await _set.ListAsync(cancellationToken)).Count;

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OAuthAuthorizationRecord>, IQueryable<TResult>> query, CancellationToken cancellationToken) =>
        throw StoreQueries.Refused();

    public ValueTask CreateAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) => _set.CreateAsync(authorization, cancellationToken);

    public async ValueTask DeleteAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken)
    {
        await foreach (var token in tokens.FindByAuthorizationIdAsync(authorization.Id, cancellationToken))
        {
            await tokens.DeleteAsync(token, cancellationToken);
        }

        await _set.DeleteAsync(authorization, cancellationToken);
    }

    public IAsyncEnumerable<OAuthAuthorizationRecord> FindAsync(string? subject, string? client, string? status, string? type, ImmutableArray<string>? scopes, CancellationToken cancellationToken) =>
        _set.WhereAsync(a => (subject is null || a.Subject == subject) && (client is null || a.ApplicationId == client)
            && (status is null || a.Status == status) && (type is null || a.Type == type)
            && (scopes is not { } wanted || wanted.All(s => a.Scopes.Contains(s, StringComparer.Ordinal))), cancellationToken);

    public IAsyncEnumerable<OAuthAuthorizationRecord> FindByApplicationIdAsync(string identifier, CancellationToken cancellationToken) =>
        _set.WhereAsync(a => a.ApplicationId == identifier, cancellationToken);

    public ValueTask<OAuthAuthorizationRecord?> FindByIdAsync(string identifier, CancellationToken cancellationToken) => _set.FindAsync(identifier, cancellationToken);

    public IAsyncEnumerable<OAuthAuthorizationRecord> FindBySubjectAsync(string subject, CancellationToken cancellationToken) =>
        _set.WhereAsync(a => a.Subject == subject, cancellationToken);

    public ValueTask<string?> GetApplicationIdAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) => new(authorization.ApplicationId);

    public ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<OAuthAuthorizationRecord>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreQueries.Refused();

    public ValueTask<DateTimeOffset?> GetCreationDateAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) => new(authorization.CreationDate);

    public ValueTask<string?> GetIdAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) => new(authorization.Id);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) =>
        new(RecordSet<OAuthAuthorizationRecord>.ReadProperties(authorization.Properties));

    public ValueTask<ImmutableArray<string>> GetScopesAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) => new([.. authorization.Scopes]);

    public ValueTask<string?> GetStatusAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) => new(authorization.Status);

    public ValueTask<string?> GetSubjectAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) => new(authorization.Subject);

    public ValueTask<string?> GetTypeAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) => new(authorization.Type);

    public ValueTask<OAuthAuthorizationRecord> InstantiateAsync(CancellationToken cancellationToken) => new(new OAuthAuthorizationRecord());

    public async IAsyncEnumerable<OAuthAuthorizationRecord> ListAsync(int? count, int? offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var authorization in (await _set.ListAsync(cancellationToken)).Skip(offset ?? 0).Take(count ?? int.MaxValue))
        {
            yield return authorization;
        }
    }

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<OAuthAuthorizationRecord>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreQueries.Refused();

    /// <summary>Removes ad-hoc and revoked authorizations older than the threshold that no longer have tokens.</summary>
    public async ValueTask<long> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken)
    {
        long pruned = 0;
        foreach (var authorization in await _set.ListAsync(cancellationToken))
        {
            if (authorization.CreationDate >= threshold || (authorization.Status == Statuses.Valid && authorization.Type == AuthorizationTypes.Permanent))
            {
                continue;
            }

            var hasTokens = false;
            await foreach (var _ in tokens.FindByAuthorizationIdAsync(authorization.Id, cancellationToken))
            {
                hasTokens = true;
                break;
            }

            if (!hasTokens || authorization.Status != Statuses.Valid)
            {
                try
                {
                    await DeleteAsync(authorization, cancellationToken);
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
        _set.RevokeAsync(FindAsync(subject, client, status, type, null, cancellationToken), cancellationToken);

    public ValueTask<long> RevokeByApplicationIdAsync(string identifier, CancellationToken cancellationToken = default) =>
        _set.RevokeAsync(FindByApplicationIdAsync(identifier, cancellationToken), cancellationToken);

    public ValueTask<long> RevokeBySubjectAsync(string subject, CancellationToken cancellationToken = default) =>
        _set.RevokeAsync(FindBySubjectAsync(subject, cancellationToken), cancellationToken);


    public ValueTask SetApplicationIdAsync(OAuthAuthorizationRecord authorization, string? identifier, CancellationToken cancellationToken) => Set(() => authorization.ApplicationId = identifier);

    public ValueTask SetCreationDateAsync(OAuthAuthorizationRecord authorization, DateTimeOffset? date, CancellationToken cancellationToken) => Set(() => authorization.CreationDate = date);

    public ValueTask SetPropertiesAsync(OAuthAuthorizationRecord authorization, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => authorization.Properties = RecordSet<OAuthAuthorizationRecord>.WriteProperties(properties));

    public ValueTask SetScopesAsync(OAuthAuthorizationRecord authorization, ImmutableArray<string> scopes, CancellationToken cancellationToken) => Set(() => authorization.Scopes = [.. scopes]);

    public ValueTask SetStatusAsync(OAuthAuthorizationRecord authorization, string? status, CancellationToken cancellationToken) => Set(() => authorization.Status = status);

    public ValueTask SetSubjectAsync(OAuthAuthorizationRecord authorization, string? subject, CancellationToken cancellationToken) => Set(() => authorization.Subject = subject);

    public ValueTask SetTypeAsync(OAuthAuthorizationRecord authorization, string? type, CancellationToken cancellationToken) => Set(() => authorization.Type = type);

    public ValueTask UpdateAsync(OAuthAuthorizationRecord authorization, CancellationToken cancellationToken) => _set.UpdateAsync(authorization, cancellationToken);

    private static ValueTask Set(Action set)
    {
        set();
        return default;
    }
}
