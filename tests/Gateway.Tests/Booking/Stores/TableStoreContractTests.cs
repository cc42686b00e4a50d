using System.Text;
using Azure.Data.Tables;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Booking.Stores;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests.Booking.Stores;

/// <summary>The store contract, and what is particular to tables, against Azurite; each test on a table of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStoreContractTests(AzuriteFixture azurite) : BookingStoreContract
{
    private static int _tables;

    private TableClient NewTable() =>
        new(azurite.Azurite.ConnectionString, "sessions" + Interlocked.Increment(ref _tables) + Guid.NewGuid().ToString("N")[..8]);

    protected override Task<IBookingSessionStore> CreateStoreAsync(TimeProvider time) =>
        Task.FromResult<IBookingSessionStore>(new TableBookingSessionStore(NewTable(), time));

    [Fact]
    public async Task Stores_sharing_one_table_see_each_others_writes_and_create_it_once()
    {
        var table = NewTable();
        var stores = Enumerable.Range(0, 4).Select(_ => new TableBookingSessionStore(table, new ManualTime(Start))).ToArray();

        // All four create the missing table at once; none fails.
        var added = await Task.WhenAll(stores.Select((s, i) => s.TryAddAsync(Session("handoff:r-" + i), Ct).AsTask()));
        Assert.All(added, Assert.True);

        Assert.True(await stores[1].TryReplaceAsync(Session("handoff:r-0", 2) with { State = BookingState.Booking }, 1, Ct));
        Assert.False(await stores[2].TryReplaceAsync(Session("handoff:r-0", 2) with { State = BookingState.Failed }, 1, Ct));
        Assert.Equal(BookingState.Booking, (await stores[3].GetAsync("handoff:r-0", Ct))!.State);
    }

    [Fact]
    public async Task A_row_has_hashed_legal_keys_and_holds_a_session_larger_than_one_property()
    {
        var table = NewTable();
        var store = new TableBookingSessionStore(table, new ManualTime(Start));
        // About 200 KiB of JSON: more than three 64 KiB properties.
        var large = Session("handoff:big/id#1") with
        {
            Offered = [.. Enumerable.Range(0, 2000).Select(i => new OfferedSlot(Start.AddMinutes(15 * i).ToString("O"), Start.AddMinutes(15 * i), "router-" + i, "path-" + i))],
        };

        Assert.True(await store.TryAddAsync(large, Ct));

        var row = Assert.Single(table.Query<TableEntity>(cancellationToken: Ct));
        Assert.Matches("^[0-9a-f]{64}$", row.PartitionKey);
        Assert.True(row.GetInt32("Parts") > 3);
        Assert.Equal(large.Offered, (await store.GetAsync(large.Key, Ct))!.Offered);
    }

    [Fact]
    public async Task A_session_too_large_for_a_row_is_refused_with_a_clear_error()
    {
        var store = new TableBookingSessionStore(NewTable(), new ManualTime(Start));
        var huge = Session() with { BookingResultJson = new string('x', TableSessionRow.MaxSessionBytes) };

        var error = await Assert.ThrowsAsync<BookingSessionTooLargeException>(() => store.TryAddAsync(huge, Ct).AsTask());

        Assert.Contains("at most " + TableSessionRow.MaxSessionBytes + " bytes", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync(huge.Key, Ct));
    }

    [Fact]
    public async Task A_row_that_does_not_hold_a_session_counts_as_absent()
    {
        var table = NewTable();
        var store = new TableBookingSessionStore(table, new ManualTime(Start));
        await table.CreateIfMissingAsync(Ct);
        await table.AddEntityAsync(new TableEntity(TableSessionRow.PartitionKeyOf(Session().Key), TableSessionRow.RowKey)
        {
            ["Parts"] = 1,
            ["Json00"] = Encoding.UTF8.GetBytes("not json"),
        }, Ct);

        Assert.Null(await store.GetAsync(Session().Key, Ct));
        Assert.True(await store.TryAddAsync(Session(), Ct));
        Assert.Equal("caller-a", (await store.GetAsync(Session().Key, Ct))!.CallerId);
    }
}
