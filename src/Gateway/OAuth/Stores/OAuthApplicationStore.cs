using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Serverless.Gateway.OAuth.Server;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>OpenIddict's registered clients over the record store: DCR registrations and fetched client metadata documents.</summary>
public sealed class OAuthApplicationStore(IOAuthRecordStore store) : IOpenIddictApplicationStore<OAuthApplicationRecord>
{
    private readonly RecordSet<OAuthApplicationRecord> _set = new(store, OAuthApplicationRecord.Kind, OAuthJson.Default.OAuthApplicationRecord);

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => (await _set.ListAsync(cancellationToken)).Count;

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OAuthApplicationRecord>, IQueryable<TResult>> query, CancellationToken cancellationToken) =>
        throw StoreQueries.Refused();

    public ValueTask CreateAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => _set.CreateAsync(application, cancellationToken);

    public ValueTask DeleteAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => _set.DeleteAsync(application, cancellationToken);

    public ValueTask<OAuthApplicationRecord?> FindByIdAsync(string identifier, CancellationToken cancellationToken) => _set.FindAsync(identifier, cancellationToken);

    // The client id is the record id (see the registration and metadata document code), so this is a point read.
    public async ValueTask<OAuthApplicationRecord?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken) =>
        await _set.FindAsync(OAuthClients.RecordId(identifier), cancellationToken) is { } found && found.ClientId == identifier ? found : null;

    public IAsyncEnumerable<OAuthApplicationRecord> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        _set.WhereAsync(a => a.PostLogoutRedirectUris.Contains(uri, StringComparer.Ordinal), cancellationToken);

    public IAsyncEnumerable<OAuthApplicationRecord> FindByRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        _set.WhereAsync(a => a.RedirectUris.Contains(uri, StringComparer.Ordinal), cancellationToken);

    public ValueTask<string?> GetApplicationTypeAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new(application.ApplicationType);

    public ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<OAuthApplicationRecord>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreQueries.Refused();

    public ValueTask<string?> GetClientIdAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new(application.ClientId);

    public ValueTask<string?> GetClientSecretAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new(application.ClientSecret);

    public ValueTask<string?> GetClientTypeAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new(application.ClientType);

    public ValueTask<string?> GetConsentTypeAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new(application.ConsentType);

    public ValueTask<string?> GetDisplayNameAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new(application.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) =>
        new(RecordSet<OAuthApplicationRecord>.ReadCultures(application.DisplayNames));

    public ValueTask<string?> GetIdAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new(application.Id);

    public ValueTask<JsonWebKeySet?> GetJsonWebKeySetAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) =>
        new(application.JsonWebKeySet is { } set ? JsonWebKeySet.Create(set) : null);

    public ValueTask<ImmutableArray<string>> GetPermissionsAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new([.. application.Permissions]);

    public ValueTask<ImmutableArray<string>> GetPostLogoutRedirectUrisAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new([.. application.PostLogoutRedirectUris]);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) =>
        new(RecordSet<OAuthApplicationRecord>.ReadProperties(application.Properties));

    public ValueTask<ImmutableArray<string>> GetRedirectUrisAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new([.. application.RedirectUris]);

    public ValueTask<ImmutableArray<string>> GetRequirementsAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => new([.. application.Requirements]);

    public ValueTask<ImmutableDictionary<string, string>> GetSettingsAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) =>
        new(application.Settings.ToImmutableDictionary(StringComparer.Ordinal));

    public ValueTask<OAuthApplicationRecord> InstantiateAsync(CancellationToken cancellationToken) => new(new OAuthApplicationRecord());

    public async IAsyncEnumerable<OAuthApplicationRecord> ListAsync(int? count, int? offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var application in (await _set.ListAsync(cancellationToken)).Skip(offset ?? 0).Take(count ?? int.MaxValue))
        {
            yield return application;
        }
    }

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<OAuthApplicationRecord>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        throw StoreQueries.Refused();

    public ValueTask SetApplicationTypeAsync(OAuthApplicationRecord application, string? type, CancellationToken cancellationToken) => Set(() => application.ApplicationType = type);

    public ValueTask SetClientIdAsync(OAuthApplicationRecord application, string? identifier, CancellationToken cancellationToken) => Set(() =>
    {
        application.ClientId = identifier;
        if (identifier is not null)
        {
            application.Id = OAuthClients.RecordId(identifier);
        }
    });

    public ValueTask SetClientSecretAsync(OAuthApplicationRecord application, string? secret, CancellationToken cancellationToken) => Set(() => application.ClientSecret = secret);

    public ValueTask SetClientTypeAsync(OAuthApplicationRecord application, string? type, CancellationToken cancellationToken) => Set(() => application.ClientType = type);

    public ValueTask SetConsentTypeAsync(OAuthApplicationRecord application, string? type, CancellationToken cancellationToken) => Set(() => application.ConsentType = type);

    public ValueTask SetDisplayNameAsync(OAuthApplicationRecord application, string? name, CancellationToken cancellationToken) => Set(() => application.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(OAuthApplicationRecord application, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) =>
        Set(() => application.DisplayNames = RecordSet<OAuthApplicationRecord>.WriteCultures(names));

    public ValueTask SetJsonWebKeySetAsync(OAuthApplicationRecord application, JsonWebKeySet? set, CancellationToken cancellationToken) =>
        Set(() => application.JsonWebKeySet = set is null ? null : JsonSerializer.Serialize(set, OpenIddictSerializer.Default.JsonWebKeySet));

    public ValueTask SetPermissionsAsync(OAuthApplicationRecord application, ImmutableArray<string> permissions, CancellationToken cancellationToken) => Set(() => application.Permissions = [.. permissions]);

    public ValueTask SetPostLogoutRedirectUrisAsync(OAuthApplicationRecord application, ImmutableArray<string> uris, CancellationToken cancellationToken) => Set(() => application.PostLogoutRedirectUris = [.. uris]);

    public ValueTask SetPropertiesAsync(OAuthApplicationRecord application, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => application.Properties = RecordSet<OAuthApplicationRecord>.WriteProperties(properties));

    public ValueTask SetRedirectUrisAsync(OAuthApplicationRecord application, ImmutableArray<string> uris, CancellationToken cancellationToken) => Set(() => application.RedirectUris = [.. uris]);

    public ValueTask SetRequirementsAsync(OAuthApplicationRecord application, ImmutableArray<string> requirements, CancellationToken cancellationToken) => Set(() => application.Requirements = [.. requirements]);

    public ValueTask SetSettingsAsync(OAuthApplicationRecord application, ImmutableDictionary<string, string> settings, CancellationToken cancellationToken) =>
        Set(() => application.Settings = settings.ToDictionary(StringComparer.Ordinal));

    public ValueTask UpdateAsync(OAuthApplicationRecord application, CancellationToken cancellationToken) => _set.UpdateAsync(application, cancellationToken);

    private static ValueTask Set(Action set)
    {
        set();
        return default;
    }
}
