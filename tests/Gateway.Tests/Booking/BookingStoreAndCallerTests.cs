using Serverless.Gateway.Booking;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Tests.Booking;

public sealed class BookingStoreAndCallerTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 6, 12, 0, 0, TimeSpan.Zero);

    private static BookingSession Session(string key = "scheduling-link:r-1", long version = 1) => new()
    {
        Key = key,
        CallerId = "c",
        Tool = "scheduling-link-init",
        SessionId = "r-1",
        Offered = [],
        RecordedAt = Start,
        ExpiresAt = Start.AddMinutes(15),
        RetainUntil = Start.AddHours(1),
        Version = version,
    };

    [Fact]
    public async Task A_key_is_added_once_and_replaced_only_from_the_version_it_holds()
    {
        var store = new InMemoryBookingSessionStore(new ManualTime(Start));

        Assert.True(await store.TryAddAsync(Session(), CancellationToken.None));
        Assert.False(await store.TryAddAsync(Session() with { CallerId = "other" }, CancellationToken.None));
        Assert.False(await store.TryReplaceAsync(Session(version: 3) with { State = BookingState.Booking }, expectedVersion: 2, CancellationToken.None));
        Assert.True(await store.TryReplaceAsync(Session(version: 2) with { State = BookingState.Booking }, expectedVersion: 1, CancellationToken.None));
        Assert.False(await store.TryReplaceAsync(Session("scheduling-link:none", 2), expectedVersion: 1, CancellationToken.None));

        var stored = await store.GetAsync("scheduling-link:r-1", CancellationToken.None);
        Assert.Equal(("c", 2L, BookingState.Booking), (stored!.CallerId, stored.Version, stored.State));
    }

    [Fact]
    public async Task Of_concurrent_claims_on_one_version_exactly_one_wins()
    {
        var store = new InMemoryBookingSessionStore(new ManualTime(Start));
        await store.TryAddAsync(Session(), CancellationToken.None);

        var wins = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            await store.TryReplaceAsync(Session(version: 2) with { StartTime = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, 1, CancellationToken.None))));

        Assert.Single(wins, w => w);
    }

    [Fact]
    public async Task A_session_is_kept_until_its_retention_ends_and_forgotten_after()
    {
        var time = new ManualTime(Start);
        var store = new InMemoryBookingSessionStore(time);
        await store.TryAddAsync(Session(), CancellationToken.None);

        time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        Assert.NotNull(await store.GetAsync("scheduling-link:r-1", CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await store.GetAsync("scheduling-link:r-1", CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(10));
        await store.TryAddAsync(Session("scheduling-link:r-2") with { RetainUntil = time.GetUtcNow().AddHours(1) }, CancellationToken.None);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void The_caller_id_is_stable_per_token_differs_between_tokens_and_does_not_contain_the_token()
    {
        const string token = "cp_tok_Xy7secretSECRETsecret42";
        var a = CallerId.Of(new CallerCredentials { ChiliPiperToken = token });
        var again = CallerId.Of(new CallerCredentials { ChiliPiperToken = token, PilotStatusApiKey = "ps_other" });
        var b = CallerId.Of(new CallerCredentials { ChiliPiperToken = token + "x" });

        Assert.Equal(a, again);
        Assert.NotEqual(a, b);
        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.DoesNotContain("secret", a, StringComparison.OrdinalIgnoreCase);
        Assert.Null(CallerId.Of(new CallerCredentials { PilotStatusApiKey = "ps_only" }));
    }
}
