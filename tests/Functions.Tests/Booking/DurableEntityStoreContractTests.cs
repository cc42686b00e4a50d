using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Functions.Booking;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Booking.Stores;
using Serverless.Gateway.Tests.Booking.Stores;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Functions.Tests.Booking;

/// <summary>
/// The store contract against the Durable Entity store: the adapter, the orchestration and the entity class
/// are the real ones, and only the task hub is replaced by <see cref="InProcessDurableClient"/>.
/// </summary>
public sealed class DurableEntityStoreContractTests : BookingStoreContract
{
    private static (DurableEntityBookingSessionStore Store, InProcessDurableClient Client) Create(TimeProvider time)
    {
        var client = new InProcessDurableClient(time);
        var slot = new DurableClientSlot();
        slot.Offer(client);
        return (new DurableEntityBookingSessionStore(slot, NullLogger<DurableEntityBookingSessionStore>.Instance), client);
    }

    protected override Task<IBookingSessionStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IBookingSessionStore>(Create(time).Store);

    [Fact]
    public async Task The_entity_schedules_its_own_deletion_at_the_retention_deadline_and_deletes_itself_then()
    {
        var time = new ManualTime(Start);
        var (store, client) = Create(time);

        Assert.True(await store.TryAddAsync(Session(), Ct));
        Assert.True(await store.TryReplaceAsync(Session(version: 2) with { State = BookingState.Booking }, 1, Ct));

        var signal = Assert.Single(client.Signals);
        Assert.Equal((BookingSessionEntity.Name, SessionKeyDigest.Of(Session().Key), nameof(BookingSessionEntity.Expire), Start.AddHours(1)),
            (signal.Id.Name, signal.Id.Key, signal.Operation, signal.At));
        Assert.Equal(1, client.EntityCount);

        time.Advance(TimeSpan.FromHours(1));
        await client.DeliverDueSignalsAsync();

        Assert.Equal(0, client.EntityCount);
        Assert.Null(await store.GetAsync(Session().Key, Ct));
    }

    [Fact]
    public async Task Each_call_purges_its_orchestration_and_a_missing_client_is_a_clear_error()
    {
        var (store, client) = Create(new ManualTime(Start));
        await store.TryAddAsync(Session(), Ct);
        await store.GetAsync(Session().Key, Ct);

        // The purge runs after the answer is handed back; give it its turn.
        for (var i = 0; i < 100 && client.Instances > 0; i++)
        {
            await Task.Delay(10, Ct);
        }

        Assert.Equal(0, client.Instances);

        var unbound = new DurableEntityBookingSessionStore(new DurableClientSlot(), NullLogger<DurableEntityBookingSessionStore>.Instance);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => unbound.GetAsync("handoff:r-1", Ct).AsTask());
        Assert.Contains("[DurableClient]", error.Message, StringComparison.Ordinal);
    }
}
