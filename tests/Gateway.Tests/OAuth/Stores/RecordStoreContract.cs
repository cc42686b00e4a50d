using Serverless.Gateway.OAuth.Stores;

namespace Serverless.Gateway.Tests.OAuth.Stores;

/// <summary>
/// What every authorization server record store must do: point reads, listing by kind, refusing a second create, and
/// refusing an update or delete made from a stale read (so a refresh token redeemed twice at once wins only once).
/// </summary>
public abstract class RecordStoreContract
{
    protected abstract Task<IOAuthRecordStore> CreateAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Json(string token, string value) => $$"""{"ConcurrencyToken":"{{token}}","Value":"{{value}}"}""";

    [Fact]
    public async Task Records_are_read_listed_replaced_and_deleted_only_from_their_current_version()
    {
        var store = await CreateAsync();
        await store.CreateAsync("token", "a1", Json("v1", "first"), Ct);
        await store.CreateAsync("token", "b2", Json("v1", "other"), Ct);
        await store.CreateAsync("application", "a1", Json("v1", "app"), Ct);

        Assert.Contains("first", await store.GetAsync("token", "a1", Ct));
        Assert.Null(await store.GetAsync("token", "missing", Ct));
        var tokens = new List<string>();
        await foreach (var json in store.ListAsync("token", Ct))
        {
            tokens.Add(json);
        }

        Assert.Equal(2, tokens.Count);
        await Assert.ThrowsAsync<OAuthRecordConflictException>(() => store.CreateAsync("token", "a1", Json("v9", "again"), Ct));

        await store.ReplaceAsync("token", "a1", "v1", Json("v2", "second"), Ct);
        Assert.Contains("second", await store.GetAsync("token", "a1", Ct));
        // A writer that read v1 lost the race: its update and its delete are refused.
        await Assert.ThrowsAsync<OAuthRecordConflictException>(() => store.ReplaceAsync("token", "a1", "v1", Json("v3", "stale"), Ct));
        await Assert.ThrowsAsync<OAuthRecordConflictException>(() => store.DeleteAsync("token", "a1", "v1", Ct));
        Assert.Contains("second", await store.GetAsync("token", "a1", Ct));

        await store.DeleteAsync("token", "a1", "v2", Ct);
        Assert.Null(await store.GetAsync("token", "a1", Ct));
        Assert.Contains("app", await store.GetAsync("application", "a1", Ct));
    }
}

public sealed class MemoryRecordStoreTests : RecordStoreContract
{
    protected override Task<IOAuthRecordStore> CreateAsync() => Task.FromResult<IOAuthRecordStore>(new MemoryOAuthRecordStore());
}

public sealed class FileRecordStoreTests : RecordStoreContract
{
    protected override Task<IOAuthRecordStore> CreateAsync() =>
        Task.FromResult<IOAuthRecordStore>(new FileOAuthRecordStore(Path.Combine(Path.GetTempPath(), "oauth-store-" + Guid.NewGuid().ToString("N"))));

    [Fact]
    public async Task A_second_store_on_the_same_folder_sees_the_records_and_ids_cannot_name_paths()
    {
        var folder = Path.Combine(Path.GetTempPath(), "oauth-store-" + Guid.NewGuid().ToString("N"));
        await new FileOAuthRecordStore(folder).CreateAsync("authorization", "c1", Json2("v1"), TestContext.Current.CancellationToken);

        Assert.NotNull(await new FileOAuthRecordStore(folder).GetAsync("authorization", "c1", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => new FileOAuthRecordStore(folder).GetAsync("authorization", "../../etc/passwd", TestContext.Current.CancellationToken));
    }

    private static string Json2(string token) => $$"""{"ConcurrencyToken":"{{token}}"}""";
}
