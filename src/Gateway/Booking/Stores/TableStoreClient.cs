using Azure.Data.Tables;
using Azure.Identity;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Booking.Stores;

/// <summary>The table client of the Table booking store, from a connection string or the managed identity.</summary>
public static class TableStoreClient
{
    public static TableClient Create(BookingStoreSettings settings, KnownSecrets secrets, string? managedIdentityClientId)
    {
        if (settings.TableConnection is { } connection)
        {
            // An account key or SAS is a credential like any other: keep it out of everything emitted.
            foreach (var part in connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var at = part.IndexOf('=', StringComparison.Ordinal);
                if (at > 0 && part[..at].Trim() is var name
                    && (name.Equals("AccountKey", StringComparison.OrdinalIgnoreCase) || name.Equals("SharedAccessSignature", StringComparison.OrdinalIgnoreCase)))
                {
                    secrets.Remember(part[(at + 1)..]);
                }
            }

            return new TableClient(connection, settings.TableName);
        }

        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            // A user-assigned identity is named by its client id; unset, the system-assigned one is used.
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(managedIdentityClientId) ? null : managedIdentityClientId,
        });
        return new TableClient(settings.TableServiceUri!, settings.TableName, credential);
    }
}
