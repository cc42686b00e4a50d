using Serverless.Gateway.Booking;

namespace Serverless.Gateway.Tests.Booking.Stores;

public sealed class InMemoryStoreContractTests : BookingStoreContract
{
    protected override Task<IBookingSessionStore> CreateStoreAsync(TimeProvider time) =>
        Task.FromResult<IBookingSessionStore>(new InMemoryBookingSessionStore(time));
}
