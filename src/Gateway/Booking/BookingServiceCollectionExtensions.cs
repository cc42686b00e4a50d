using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Gateway.Booking.Stores;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Booking;

public static class BookingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ledger, its options (section "Booking") and the store <c>Booking__Store</c> names
    /// (<paramref name="defaultStore"/> when unset), unless a host registered its own
    /// <see cref="IBookingSessionStore"/> first. Store settings are checked here, so a wrong one stops the start-up.
    /// </summary>
    public static IServiceCollection AddBookingLedger(this IServiceCollection services, IConfiguration configuration, BookingStoreKind defaultStore = BookingStoreKind.Memory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BookingOptions>().Bind(configuration.GetSection(BookingOptions.Section))
            .Validate(o => o.SessionTtlMinutes > 0, "Booking:SessionTtlMinutes must be positive.")
            .Validate(o => o.InProgressWaitSeconds >= 0, "Booking:InProgressWaitSeconds must not be negative.")
            .Validate(o => o.RetainHours >= 0, "Booking:RetainHours must not be negative.")
            .ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(IBookingSessionStore)))
        {
            services.AddBookingSessionStore(BookingStoreSettings.Read(configuration, defaultStore), configuration["AZURE_CLIENT_ID"]);
        }

        services.TryAddSingleton<BookingLedger>();
        return services;
    }

    private static void AddBookingSessionStore(this IServiceCollection services, BookingStoreSettings settings, string? managedIdentityClientId)
    {
        switch (settings.Kind)
        {
            case BookingStoreKind.Memory:
                services.AddSingleton<IBookingSessionStore, InMemoryBookingSessionStore>();
                break;
            case BookingStoreKind.Table:
                services.TryAddSingleton<KnownSecrets>();
                services.AddSingleton<IBookingSessionStore>(sp => new TableBookingSessionStore(
                    TableStoreClient.Create(settings, sp.GetRequiredService<KnownSecrets>(), managedIdentityClientId),
                    sp.GetRequiredService<TimeProvider>()));
                break;
            default:
                throw new InvalidOperationException(
                    "Booking__Store=DurableEntity needs the Azure Functions host, whose Durable Task runtime holds the entities; "
                    + "this host offers Booking__Store=Memory or Table.");
        }
    }
}
