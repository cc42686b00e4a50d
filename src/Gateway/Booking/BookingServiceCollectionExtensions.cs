using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Serverless.Gateway.Booking;

public static class BookingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ledger, its options (section "Booking") and the in-memory store unless a host registered
    /// its own <see cref="IBookingSessionStore"/> first.
    /// </summary>
    public static IServiceCollection AddBookingLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BookingOptions>().Bind(configuration.GetSection(BookingOptions.Section))
            .Validate(o => o.SessionTtlMinutes > 0, "Booking:SessionTtlMinutes must be positive.")
            .Validate(o => o.InProgressWaitSeconds >= 0, "Booking:InProgressWaitSeconds must not be negative.")
            .Validate(o => o.RetainHours >= 0, "Booking:RetainHours must not be negative.")
            .ValidateOnStart();
        services.TryAddSingleton<IBookingSessionStore, InMemoryBookingSessionStore>();
        services.TryAddSingleton<BookingLedger>();
        return services;
    }
}
