using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Serverless.Gateway.Booking.Stores;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>
/// Records in an Azure table (the booking store's storage account in a deployment), so every instance sees the same
/// clients, connections and tokens: partition = kind, row = id, the JSON in one column, writes conditional on the ETag.
/// </summary>
public sealed class TableOAuthRecordStore(TableClient table) : IOAuthRecordStore
{
    private const string JsonColumn = "Json";
    private readonly SemaphoreSlim _created = new(1, 1);
    private bool _exists;

    public async Task<string?> GetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(kind, id, [JsonColumn], cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString(JsonColumn) : null;
    }

    public async IAsyncEnumerable<string> ListAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        // A filter string, not an expression: translating an expression evaluates its captured values by reflection.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: [JsonColumn], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString(JsonColumn) is { } json)
            {
                yield return json;
            }
        }
    }

    public async Task CreateAsync(string kind, string id, string json, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(kind, id) { [JsonColumn] = json }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new OAuthRecordConflictException($"The {kind} '{id}' exists.");
        }
    }

    public async Task ReplaceAsync(string kind, string id, string expectedToken, string json, CancellationToken cancellationToken)
    {
        var etag = await CheckAsync(kind, id, expectedToken, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(kind, id) { [JsonColumn] = json }, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new OAuthRecordConflictException($"The {kind} '{id}' changed or is gone.");
        }
    }

    public async Task DeleteAsync(string kind, string id, string expectedToken, CancellationToken cancellationToken)
    {
        var etag = await CheckAsync(kind, id, expectedToken, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(kind, id, etag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            throw new OAuthRecordConflictException($"The {kind} '{id}' changed or is gone.");
        }
    }

    private async Task<ETag> CheckAsync(string kind, string id, string expectedToken, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(kind, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value!.GetString(JsonColumn) is not { } json || MemoryOAuthRecordStore.TokenOf(json) != expectedToken)
        {
            throw new OAuthRecordConflictException($"The {kind} '{id}' changed or is gone.");
        }

        return found.Value.ETag;
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_exists)
        {
            return;
        }

        await _created.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_exists)
            {
                await table.CreateIfMissingAsync(cancellationToken).ConfigureAwait(false);
                _exists = true;
            }
        }
        finally
        {
            _created.Release();
        }
    }
}
