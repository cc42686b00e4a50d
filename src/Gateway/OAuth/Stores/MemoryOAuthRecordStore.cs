using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>Records in this process's memory: the self-host's default, gone at restart.</summary>
public sealed class MemoryOAuthRecordStore : IOAuthRecordStore
{
    private readonly ConcurrentDictionary<(string Kind, string Id), string> _records = new();

    public Task<string?> GetAsync(string kind, string id, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue((kind, id), out var json) ? json : null);

    public async IAsyncEnumerable<string> ListAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var ((k, _), json) in _records)
        {
            if (k == kind)
            {
                yield return json;
            }
        }
    }

    public Task CreateAsync(string kind, string id, string json, CancellationToken cancellationToken) =>
        _records.TryAdd((kind, id), json) ? Task.CompletedTask : throw new OAuthRecordConflictException($"The {kind} '{id}' exists.");

    public Task ReplaceAsync(string kind, string id, string expectedToken, string json, CancellationToken cancellationToken)
    {
        var key = (kind, id);
        if (!_records.TryGetValue(key, out var current) || TokenOf(current) != expectedToken || !_records.TryUpdate(key, json, current))
        {
            throw new OAuthRecordConflictException($"The {kind} '{id}' changed or is gone.");
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string kind, string id, string expectedToken, CancellationToken cancellationToken)
    {
        var key = (kind, id);
        if (!_records.TryGetValue(key, out var current) || TokenOf(current) != expectedToken
            || !_records.TryRemove(new KeyValuePair<(string, string), string>(key, current)))
        {
            throw new OAuthRecordConflictException($"The {kind} '{id}' changed or is gone.");
        }

        return Task.CompletedTask;
    }

    internal static string? TokenOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(nameof(OAuthRecord.ConcurrencyToken), out var token) ? token.GetString() : null;
    }
}
