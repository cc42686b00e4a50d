using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;

namespace Serverless.Gateway.Booking.Stores;

/// <summary>
/// The store settings of the "Booking" section, read and checked once at start-up: a wrong value stops the
/// host with a message naming the setting, instead of failing the first booking.
/// </summary>
public sealed partial record BookingStoreSettings
{
    public const string StoreKey = "Booking:Store";
    public const string TableConnectionKey = "Booking:TableConnection";
    public const string TableServiceUriKey = "Booking:TableServiceUri";
    public const string TableNameKey = "Booking:TableName";
    public const string DefaultTableName = "bookingsessions";

    public required BookingStoreKind Kind { get; init; }

    /// <summary>A storage connection string (Azurite, or an account key / SAS); null when the service URI is used.</summary>
    public string? TableConnection { get; init; }

    /// <summary>The table endpoint, reached with the managed identity (DefaultAzureCredential).</summary>
    public Uri? TableServiceUri { get; init; }

    public string TableName { get; init; } = DefaultTableName;

    /// <param name="defaultKind">The host's choice when <c>Booking__Store</c> is unset.</param>
    public static BookingStoreSettings Read(IConfiguration configuration, BookingStoreKind defaultKind)
    {
        var store = configuration[StoreKey];
        var kind = defaultKind;
        if (!string.IsNullOrWhiteSpace(store))
        {
            // Names only: Enum.TryParse would also take numbers and comma lists.
            var named = Enum.GetValues<BookingStoreKind>().Where(k => string.Equals(k.ToString(), store.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray();
            kind = named.Length == 1 ? named[0] : throw new InvalidOperationException(
                $"Booking__Store must be Memory, Table or DurableEntity; got '{Shorten(store)}'.");
        }

        if (kind != BookingStoreKind.Table)
        {
            return new BookingStoreSettings { Kind = kind };
        }

        var tableName = configuration[TableNameKey] is { } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : DefaultTableName;
        if (!TableNameRule().IsMatch(tableName) || tableName.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Booking__TableName must be 3 to 63 letters and digits starting with a letter (and not 'tables'); got '{Shorten(tableName)}'.");
        }

        var connection = configuration[TableConnectionKey];
        var serviceUri = configuration[TableServiceUriKey];
        var hasConnection = !string.IsNullOrWhiteSpace(connection);
        var hasUri = !string.IsNullOrWhiteSpace(serviceUri);
        if (hasConnection == hasUri)
        {
            throw new InvalidOperationException(hasConnection
                ? "Booking__Store=Table takes one of Booking__TableConnection and Booking__TableServiceUri, not both."
                : "Booking__Store=Table needs Booking__TableConnection (a storage connection string) or Booking__TableServiceUri "
                  + "(the account's table endpoint, reached with the managed identity).");
        }

        if (hasConnection)
        {
            try
            {
                // Parsed now so a typo stops the start-up; the value itself is never repeated in the message.
                _ = new TableClient(connection!.Trim(), tableName);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw new InvalidOperationException("Booking__TableConnection is not a storage connection string.", e.InnerException);
            }

            return new BookingStoreSettings { Kind = kind, TableConnection = connection!.Trim(), TableName = tableName };
        }

        if (!Uri.TryCreate(serviceUri!.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException(
                $"Booking__TableServiceUri must be the account's table endpoint, e.g. https://<account>.table.core.windows.net; got '{Shorten(serviceUri)}'.");
        }

        return new BookingStoreSettings { Kind = kind, TableServiceUri = uri, TableName = tableName };
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNameRule();
}
