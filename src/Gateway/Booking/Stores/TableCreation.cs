using System.Diagnostics.CodeAnalysis;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;

namespace Serverless.Gateway.Booking.Stores;

/// <summary>What the Table stores need of Azure.Data.Tables beyond its annotated surface, in a Native AOT build too.</summary>
public static class TableCreation
{
    /// <summary>
    /// Creates the table unless it exists, as TableClient.CreateIfNotExistsAsync does. That method builds its request
    /// body from an anonymous object through reflection-based JSON, which fails under Native AOT; CreateAsync writes the
    /// same body from the SDK's own model, so the lost race (409, table exists) is told apart here instead.
    /// </summary>
    /// <remarks>
    /// Every store creates its table through here before it reads, so this is where the trimmer is told to keep what
    /// the SDK reads entities into: <c>GetEntityIfExistsAsync&lt;TableEntity&gt;</c> and <c>QueryAsync&lt;TableEntity&gt;</c>
    /// create a <see cref="TableEntity"/> through <c>Activator</c> and bind its properties by reflection.
    /// </remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties, typeof(TableEntity))]
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
