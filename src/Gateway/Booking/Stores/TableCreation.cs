using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Serverless.Gateway.Booking.Stores;

public static class TableCreation
{
    /// <summary>
    /// Creates the table unless it exists, as TableClient.CreateIfNotExistsAsync does. That method builds its request
    /// body from an anonymous object through reflection-based JSON, which fails under Native AOT; CreateAsync writes the
    /// same body from the SDK's own model, so the lost race (409, table exists) is told apart here instead.
    /// </summary>
    public static async Task CreateIfMissingAsync(this TableClient table, CancellationToken cancellationToken)
    {
        try
        {
            await table.CreateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict && e.ErrorCode != TableErrorCode.TableBeingDeleted.ToString())
        {
        }
    }
}
