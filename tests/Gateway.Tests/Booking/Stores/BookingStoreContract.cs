using System.Globalization;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Tests.Infrastructure;

namespace Serverless.Gateway.Tests.Booking.Stores;

/// <summary>
/// The contract of <see cref="IBookingSessionStore"/>, written once and run against every store: a derived
/// class says how to make a fresh, empty store on a given clock.
/// </summary>
public abstract class BookingStoreContract
{
    protected static readonly DateTimeOffset Start = new(2030, 1, 6, 12, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IBookingSessionStore> CreateStoreAsync(TimeProvider time);

    protected static BookingSession Session(string key = "scheduling-link:r-1", long version = 1) => new()
    {
        Key = key,
        CallerId = "caller-a",
        Tool = "scheduling-link-init",
        SessionId = key.Split(':', 2)[1],
        Offered =
        [
            new OfferedSlot("2030-01-07T09:00:00Z", new DateTimeOffset(2030, 1, 7, 9, 0, 0, TimeSpan.Zero)),
            new OfferedSlot("2030-01-07T10:30:00+01:00", new DateTimeOffset(2030, 1, 7, 10, 30, 0, TimeSpan.FromHours(1)), "router-1", "path-2"),
        ],
        RecordedAt = Start,
        ExpiresAt = Start.AddMinutes(15),
        RetainUntil = Start.AddHours(1),
        Version = version,
    };

    [Fact]
    public async Task An_added_session_reads_back_with_every_field()
    {
        var store = await CreateStoreAsync(new ManualTime(Start));
        var booked = Session() with
        {
            Version = 7,
            State = BookingState.Booked,
            StateChangedAt = Start.AddMinutes(3),
            StartTime = "2030-01-07T09:00:00Z",
            MeetingId = "m-42",
            BookingResultJson = """{"meetingId":"m-42","type":"Success"}""",
            ErrorCode = "none",
        };

        Assert.True(await store.TryAddAsync(booked, Ct));
        var read = await store.GetAsync(booked.Key, Ct);

        Assert.NotNull(read);
        Assert.Equal(booked with { Offered = [] }, read with { Offered = [] });
        Assert.Equal(booked.Offered, read.Offered);
        Assert.Null(await store.GetAsync("scheduling-link:other", Ct));
    }

    [Fact]
    public async Task A_second_add_of_a_key_is_refused_and_changes_nothing()
    {
        var store = await CreateStoreAsync(new ManualTime(Start));

        Assert.True(await store.TryAddAsync(Session(), Ct));
        Assert.False(await store.TryAddAsync(Session() with { CallerId = "caller-b" }, Ct));

        Assert.Equal("caller-a", (await store.GetAsync(Session().Key, Ct))!.CallerId);
    }

    [Fact]
    public async Task A_replace_succeeds_only_from_the_version_the_store_holds()
    {
        var store = await CreateStoreAsync(new ManualTime(Start));
        await store.TryAddAsync(Session(), Ct);

        Assert.False(await store.TryReplaceAsync(Session(version: 3) with { State = BookingState.Booking }, expectedVersion: 2, Ct));
        Assert.True(await store.TryReplaceAsync(Session(version: 2) with { State = BookingState.Booking }, expectedVersion: 1, Ct));
        Assert.False(await store.TryReplaceAsync(Session(version: 2) with { State = BookingState.Failed }, expectedVersion: 1, Ct));
        Assert.False(await store.TryReplaceAsync(Session("scheduling-link:none", 2), expectedVersion: 1, Ct));

        var stored = await store.GetAsync(Session().Key, Ct);
        Assert.Equal((2L, BookingState.Booking), (stored!.Version, stored.State));
        Assert.Null(await store.GetAsync("scheduling-link:none", Ct));
    }

    [Fact]
    public async Task Of_concurrent_claims_on_one_version_exactly_one_wins()
    {
        var store = await CreateStoreAsync(new ManualTime(Start));
        await store.TryAddAsync(Session(), Ct);

        var wins = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await store.TryReplaceAsync(Session(version: 2) with { State = BookingState.Booking, StartTime = i.ToString(CultureInfo.InvariantCulture) }, 1, Ct))));

        var winner = Assert.Single(Enumerable.Range(0, 20), i => wins[i]);
        var stored = await store.GetAsync(Session().Key, Ct);
        Assert.Equal((2L, winner.ToString(CultureInfo.InvariantCulture)), (stored!.Version, stored.StartTime));
    }

    [Fact]
    public async Task Of_concurrent_adds_of_one_key_exactly_one_wins()
    {
        var store = await CreateStoreAsync(new ManualTime(Start));

        var wins = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await store.TryAddAsync(Session() with { CallerId = "caller-" + i.ToString(CultureInfo.InvariantCulture) }, Ct))));

        var winner = Assert.Single(Enumerable.Range(0, 20), i => wins[i]);
        Assert.Equal("caller-" + winner.ToString(CultureInfo.InvariantCulture), (await store.GetAsync(Session().Key, Ct))!.CallerId);
    }

    [Fact]
    public async Task A_session_past_its_retention_is_absent_refuses_replaces_and_is_replaced_by_an_add()
    {
        var time = new ManualTime(Start);
        var store = await CreateStoreAsync(time);
        await store.TryAddAsync(Session() with { State = BookingState.Booked }, Ct);

        time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.NotNull(await store.GetAsync(Session().Key, Ct));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await store.GetAsync(Session().Key, Ct));
        Assert.False(await store.TryReplaceAsync(Session(version: 2), expectedVersion: 1, Ct));

        var fresh = Session() with { CallerId = "caller-b", RecordedAt = time.GetUtcNow(), RetainUntil = time.GetUtcNow().AddHours(1) };
        Assert.True(await store.TryAddAsync(fresh, Ct));
        Assert.False(await store.TryAddAsync(fresh with { CallerId = "caller-c" }, Ct));
        var read = await store.GetAsync(Session().Key, Ct);
        Assert.Equal(("caller-b", BookingState.Open), (read!.CallerId, read.State));
    }

    [Fact]
    public async Task Keys_with_characters_tables_forbid_are_kept_apart()
    {
        var store = await CreateStoreAsync(new ManualTime(Start));
        string[] keys = ["handoff:a/b", "handoff:a\\b", "handoff:a#b", "handoff:a?b", "handoff:a\tb", "handoff:a\u0001b", "handoff:ab", "concierge:ab"];

        foreach (var key in keys)
        {
            Assert.True(await store.TryAddAsync(Session(key) with { CallerId = key }, Ct), key);
        }

        foreach (var key in keys)
        {
            Assert.Equal(key, (await store.GetAsync(key, Ct))!.CallerId);
        }
    }
}
