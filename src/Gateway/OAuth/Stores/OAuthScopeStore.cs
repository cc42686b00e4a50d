using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OpenIddict.Abstractions;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>
/// The gateway defines no OAuth scopes (a connection's rights are its consented grant), so this store is always empty
/// and refuses writes; OpenIddict needs one registered all the same.
/// </summary>
public sealed class OAuthScopeStore : IOpenIddictScopeStore<OAuthScopeRecord>
{
    public ValueTask<long> CountAsync(CancellationToken cancellationToken) => new(0L);

    public ValueTask<long> CountAsync<TResult>(Func<IQueryable<OAuthScopeRecord>, IQueryable<TResult>> query, CancellationToken cancellationToken) => new(0L);

    public ValueTask CreateAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) => throw new NotSupportedException("The gateway defines no OAuth scopes.");

    public ValueTask DeleteAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) => default;

    public ValueTask<OAuthScopeRecord?> FindByIdAsync(string identifier, CancellationToken cancellationToken) => new((OAuthScopeRecord?)null);

    public ValueTask<OAuthScopeRecord?> FindByNameAsync(string name, CancellationToken cancellationToken) => new((OAuthScopeRecord?)null);

    public IAsyncEnumerable<OAuthScopeRecord> FindByNamesAsync(ImmutableArray<string> names, CancellationToken cancellationToken) => Empty<OAuthScopeRecord>();

    public IAsyncEnumerable<OAuthScopeRecord> FindByResourceAsync(string resource, CancellationToken cancellationToken) => Empty<OAuthScopeRecord>();

    public ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<OAuthScopeRecord>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) => new(default(TResult));

    public ValueTask<string?> GetDescriptionAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) => new(scope.Description);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDescriptionsAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) =>
        new(RecordSet<OAuthScopeRecord>.ReadCultures(scope.Descriptions));

    public ValueTask<string?> GetDisplayNameAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) => new(scope.DisplayName);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) =>
        new(RecordSet<OAuthScopeRecord>.ReadCultures(scope.DisplayNames));

    public ValueTask<string?> GetIdAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) => new(scope.Id);

    public ValueTask<string?> GetNameAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) => new(scope.Name);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) =>
        new(RecordSet<OAuthScopeRecord>.ReadProperties(scope.Properties));

    public ValueTask<ImmutableArray<string>> GetResourcesAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) => new([.. scope.Resources]);

    public ValueTask<OAuthScopeRecord> InstantiateAsync(CancellationToken cancellationToken) => new(new OAuthScopeRecord());

    public IAsyncEnumerable<OAuthScopeRecord> ListAsync(int? count, int? offset, CancellationToken cancellationToken) => Empty<OAuthScopeRecord>();

    public IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<OAuthScopeRecord>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        Empty<TResult>();

    public ValueTask SetDescriptionAsync(OAuthScopeRecord scope, string? description, CancellationToken cancellationToken) => Set(() => scope.Description = description);

    public ValueTask SetDescriptionsAsync(OAuthScopeRecord scope, ImmutableDictionary<CultureInfo, string> descriptions, CancellationToken cancellationToken) =>
        Set(() => scope.Descriptions = RecordSet<OAuthScopeRecord>.WriteCultures(descriptions));

    public ValueTask SetDisplayNameAsync(OAuthScopeRecord scope, string? name, CancellationToken cancellationToken) => Set(() => scope.DisplayName = name);

    public ValueTask SetDisplayNamesAsync(OAuthScopeRecord scope, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) =>
        Set(() => scope.DisplayNames = RecordSet<OAuthScopeRecord>.WriteCultures(names));

    public ValueTask SetNameAsync(OAuthScopeRecord scope, string? name, CancellationToken cancellationToken) => Set(() => scope.Name = name);

    public ValueTask SetPropertiesAsync(OAuthScopeRecord scope, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) =>
        Set(() => scope.Properties = RecordSet<OAuthScopeRecord>.WriteProperties(properties));

    public ValueTask SetResourcesAsync(OAuthScopeRecord scope, ImmutableArray<string> resources, CancellationToken cancellationToken) => Set(() => scope.Resources = [.. resources]);

    public ValueTask UpdateAsync(OAuthScopeRecord scope, CancellationToken cancellationToken) => throw new NotSupportedException("The gateway defines no OAuth scopes.");

    private static async IAsyncEnumerable<T> Empty<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    private static ValueTask Set(Action set)
    {
        set();
        return default;
    }
}
