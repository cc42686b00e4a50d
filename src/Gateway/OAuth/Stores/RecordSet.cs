using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>Typed access to one kind of record: JSON in and out, a fresh concurrency token on every write.</summary>
public sealed class RecordSet<T>(IOAuthRecordStore store, string kind, JsonTypeInfo<T> format) where T : OAuthRecord
{

    public async ValueTask<T?> FindAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(kind, id, cancellationToken).ConfigureAwait(false) is { } json ? Read(json) : null;

    public async IAsyncEnumerable<T> AllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var json in store.ListAsync(kind, cancellationToken).ConfigureAwait(false))
        {
            if (Read(json) is { } record)
            {
                yield return record;
            }
        }
    }

    public async IAsyncEnumerable<T> WhereAsync(Func<T, bool> predicate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in AllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (predicate(record))
            {
                yield return record;
            }
        }
    }

    public async ValueTask<List<T>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var record in AllAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(record);
        }

        return list;
    }

    public async ValueTask CreateAsync(T record, CancellationToken cancellationToken)
    {
        record.ConcurrencyToken = NewToken();
        await store.CreateAsync(kind, record.Id, JsonSerializer.Serialize(record, format), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask UpdateAsync(T record, CancellationToken cancellationToken)
    {
        var expected = record.ConcurrencyToken;
        record.ConcurrencyToken = NewToken();
        try
        {
            await store.ReplaceAsync(kind, record.Id, expected, JsonSerializer.Serialize(record, format), cancellationToken).ConfigureAwait(false);
        }
        catch (OAuthRecordConflictException e)
        {
            record.ConcurrencyToken = expected;
            // OpenIddict treats this exception type as a lost race (a refresh token redeemed twice at once).
            throw new OpenIddict.Abstractions.OpenIddictExceptions.ConcurrencyException(e.Message, e);
        }
    }

    public async ValueTask DeleteAsync(T record, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(kind, record.Id, record.ConcurrencyToken, cancellationToken).ConfigureAwait(false);
        }
        catch (OAuthRecordConflictException e)
        {
            throw new OpenIddict.Abstractions.OpenIddictExceptions.ConcurrencyException(e.Message, e);
        }
    }

    private T? Read(string json) => JsonSerializer.Deserialize(json, format);

    private static string NewToken() => Guid.NewGuid().ToString("N");

    public static ImmutableDictionary<string, JsonElement> ReadProperties(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return ImmutableDictionary<string, JsonElement>.Empty;
        }

        using var document = JsonDocument.Parse(json);
        var builder = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            builder[property.Name] = property.Value.Clone();
        }

        return builder.ToImmutable();
    }

    public static string? WriteProperties(ImmutableDictionary<string, JsonElement> properties) =>
        properties is not { Count: > 0 } ? null : JsonSerializer.Serialize(properties, OAuthJson.Default.Properties);

    public static ImmutableDictionary<CultureInfo, string> ReadCultures(Dictionary<string, string>? values) =>
        values is null ? ImmutableDictionary<CultureInfo, string>.Empty
            : values.ToImmutableDictionary(p => CultureInfo.GetCultureInfo(p.Key), p => p.Value);

    public static Dictionary<string, string>? WriteCultures(ImmutableDictionary<CultureInfo, string> values) =>
        values is not { Count: > 0 } ? null : values.ToDictionary(p => p.Key.Name, p => p.Value, StringComparer.Ordinal);
}
