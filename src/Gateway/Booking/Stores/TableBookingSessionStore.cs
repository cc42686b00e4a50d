using System.Net;
using Azure;
using Azure.Data.Tables;

namespace Serverless.Gateway.Booking.Stores;

/// <summary>
/// Booking sessions in an Azure Storage table, shared by every instance of a deployment. Each write is
/// conditional: an add fails when the row exists (409), a replace when the row's ETag changed since it was
/// read (412), so of concurrent writers exactly one wins. Rows past their RetainUntil count as absent and
/// are overwritten conditionally; nothing deletes them (a lifecycle policy or a filter on RetainUntil may).
/// </summary>
public sealed class TableBookingSessionStore(TableClient table, TimeProvider time) : IBookingSessionStore
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    public async ValueTask<BookingSession?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(key, cancellationToken);
        return row is { Session: { } session } && Live(session) ? session : null;
    }

    public async ValueTask<bool> TryAddAsync(BookingSession session, CancellationToken cancellationToken)
    {
        var json = TableSessionRow.Serialize(session);
        var entity = TableSessionRow.ToEntity(session, json);
        await EnsureTableAsync(cancellationToken);

        // A row that vanishes between a failed add and the read (deleted by an operator) gets another try.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await table.AddEntityAsync(entity, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
            {
            }

            var existing = await ReadAsync(session.Key, cancellationToken);
            if (existing is null)
            {
                continue;
            }

            if (existing.Value.Json.AsSpan().SequenceEqual(json))
            {
                // The client's retry of an add that had already landed.
                return true;
            }

            if (existing.Value.Session is { } current && Live(current))
            {
                return false;
            }

            return await ReplaceAsync(entity, json, existing.Value.ETag, session.Key, cancellationToken);
        }

        return false;
    }

    public async ValueTask<bool> TryReplaceAsync(BookingSession replacement, long expectedVersion, CancellationToken cancellationToken)
    {
        var json = TableSessionRow.Serialize(replacement);
        var existing = await ReadAsync(replacement.Key, cancellationToken);
        if (existing is not { Session: { } current } row || !Live(current) || current.Version != expectedVersion)
        {
            return false;
        }

        return await ReplaceAsync(TableSessionRow.ToEntity(replacement, json), json, row.ETag, replacement.Key, cancellationToken);
    }

    private async Task<bool> ReplaceAsync(TableEntity entity, byte[] json, ETag etag, string key, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Another writer came first, unless this is the client's retry of our own write that had landed.
            var now = await ReadAsync(key, cancellationToken);
            return now is { } stored && stored.Json.AsSpan().SequenceEqual(json);
        }
    }

    private async Task<(BookingSession? Session, byte[] Json, ETag ETag)?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(TableSessionRow.PartitionKeyOf(key), TableSessionRow.RowKey, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } entity)
        {
            return null;
        }

        var json = TableSessionRow.JsonOf(entity) ?? [];
        return (json.Length == 0 ? null : TableSessionRow.Deserialize(json, key), json, entity.ETag);
    }

    private bool Live(BookingSession session) => time.GetUtcNow() < session.RetainUntil;

    /// <summary>Creates the table on first use, once per process; a failed attempt is tried again by the next call.</summary>
    private async ValueTask EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await table.CreateIfMissingAsync(cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _creating.Release();
        }
    }
}
