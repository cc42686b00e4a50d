using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Booking.Stores;

namespace Serverless.Functions.Booking;

public static class FunctionsBookingStore
{
    /// <summary>
    /// The booking store of the function app: Table unless <c>Booking__Store</c> says otherwise (instances of
    /// a scaled-out app must share one), and the Durable Entity store, which only this host can offer.
    /// Registered before the gateway, whose own registration then keeps it.
    /// </summary>
    public static IServiceCollection AddFunctionsBookingStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DurableClientSlot>();
        if (BookingStoreSettings.Read(configuration, BookingStoreKind.Table).Kind == BookingStoreKind.DurableEntity)
        {
            services.AddSingleton<IBookingSessionStore, DurableEntityBookingSessionStore>();
        }

        return services.AddBookingLedger(configuration, BookingStoreKind.Table);
    }
}
