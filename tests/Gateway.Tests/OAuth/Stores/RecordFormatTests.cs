using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Serverless.Gateway.OAuth.Stores;

namespace Serverless.Gateway.Tests.OAuth.Stores;

/// <summary>
/// The stored form of the authorization server's records, pinned: documents written by earlier versions must still
/// read, and records are written byte for byte as before (property names and order, escaping, nulls).
/// </summary>
public sealed class RecordFormatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string StoredToken =
        """{"ApplicationId":"app","AuthorizationId":"auth","CreationDate":"2026-01-02T03:04:05+00:00","ExpirationDate":"2026-01-02T04:04:05+02:00","Payload":"p\u003C\u0026\u003E\u0022\u00E9","RedemptionDate":null,"ReferenceId":"ref","Status":"valid","Subject":"demo:ana","Type":"refresh_token","Id":"t1","ConcurrencyToken":"CONCURRENCY","Properties":"{\u0022a\u0022:1}"}""";

    private const string StoredAuthorization =
        """{"ApplicationId":"app","CreationDate":"2026-01-02T03:04:05+00:00","Scopes":["openid","offline_access"],"Status":"valid","Subject":"demo:ana","Type":"permanent","Id":"a1","ConcurrencyToken":"CONCURRENCY","Properties":null}""";

    private const string StoredApplication =
        """{"ApplicationType":"native","ClientId":"https://client.example/meta.json","ClientSecret":null,"ClientType":"public","ConsentType":"explicit","DisplayName":"Client","DisplayNames":{"fr":"Client FR"},"JsonWebKeySet":null,"Permissions":["ept:token"],"PostLogoutRedirectUris":[],"RedirectUris":["http://127.0.0.1/cb"],"Requirements":[],"Settings":{"k":"v"},"Id":"x1","ConcurrencyToken":"CONCURRENCY","Properties":null}""";

    private static OAuthTokenRecord Token() => new()
    {
        Id = "t1",
        Properties = """{"a":1}""",
        ApplicationId = "app",
        AuthorizationId = "auth",
        CreationDate = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        ExpirationDate = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(2)),
        Payload = "p<&>\"é",
        ReferenceId = "ref",
        Status = "valid",
        Subject = "demo:ana",
        Type = "refresh_token",
    };

    [Fact]
    public async Task A_token_stored_before_reads_back_whole()
    {
        var records = new MemoryOAuthRecordStore();
        await records.CreateAsync(OAuthTokenRecord.Kind, "t1", StoredToken, Ct);
        var tokens = new OAuthTokenStore(records);

        var token = await tokens.FindByIdAsync("t1", Ct);

        Assert.NotNull(token);
        Assert.Equal("CONCURRENCY", token.ConcurrencyToken);
        Assert.Equal("p<&>\"é", token.Payload);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(2)), token.ExpirationDate);
        Assert.Equal(TimeSpan.FromHours(2), token.ExpirationDate!.Value.Offset);
        Assert.Null(token.RedemptionDate);
        Assert.Equal(("app", "auth", "ref", "valid", "demo:ana", "refresh_token"),
            (token.ApplicationId, token.AuthorizationId, token.ReferenceId, token.Status, token.Subject, token.Type));
        var properties = await tokens.GetPropertiesAsync(token, Ct);
        Assert.Equal(1, properties["a"].GetInt32());
    }

    [Fact]
    public async Task Records_are_written_in_the_stored_form()
    {
        var records = new MemoryOAuthRecordStore();

        var token = Token();
        await new OAuthTokenStore(records).CreateAsync(token, Ct);
        var authorization = new OAuthAuthorizationRecord
        {
            Id = "a1",
            ApplicationId = "app",
            CreationDate = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Scopes = ["openid", "offline_access"],
            Status = "valid",
            Subject = "demo:ana",
            Type = "permanent",
        };
        await new OAuthAuthorizationStore(records, new OAuthTokenStore(records)).CreateAsync(authorization, Ct);
        var application = new OAuthApplicationRecord
        {
            Id = "x1",
            ApplicationType = "native",
            ClientId = "https://client.example/meta.json",
            ClientType = "public",
            ConsentType = "explicit",
            DisplayName = "Client",
            DisplayNames = new() { ["fr"] = "Client FR" },
            Permissions = ["ept:token"],
            RedirectUris = ["http://127.0.0.1/cb"],
            Settings = new() { ["k"] = "v" },
        };
        await new OAuthApplicationStore(records).CreateAsync(application, Ct);

        Assert.Equal(StoredToken.Replace("CONCURRENCY", token.ConcurrencyToken), await records.GetAsync(OAuthTokenRecord.Kind, "t1", Ct));
        Assert.Equal(StoredAuthorization.Replace("CONCURRENCY", authorization.ConcurrencyToken), await records.GetAsync(OAuthAuthorizationRecord.Kind, "a1", Ct));
        Assert.Equal(StoredApplication.Replace("CONCURRENCY", application.ConcurrencyToken), await records.GetAsync(OAuthApplicationRecord.Kind, "x1", Ct));
    }

    [Fact]
    public async Task OpenIddict_properties_are_kept_as_a_json_object_escaped_as_before()
    {
        var applications = new OAuthApplicationStore(new MemoryOAuthRecordStore());
        var application = new OAuthApplicationRecord();
        using var document = JsonDocument.Parse("\"numbers: +55 <all> é\"");

        await applications.SetPropertiesAsync(application, ImmutableDictionary<string, JsonElement>.Empty.Add("grant", document.RootElement), Ct);

        Assert.Equal("""{"grant":"numbers: \u002B55 \u003Call\u003E \u00E9"}""", application.Properties);
        Assert.Equal("numbers: +55 <all> é", (await applications.GetPropertiesAsync(application, Ct))["grant"].GetString());
    }

    [Fact]
    public async Task A_client_key_set_is_stored_as_a_jwks_document_and_read_back()
    {
        var applications = new OAuthApplicationStore(new MemoryOAuthRecordStore());
        var application = new OAuthApplicationRecord();
        var set = new JsonWebKeySet();
        set.Keys.Add(new JsonWebKey { Kty = "RSA", E = "AQAB", N = "qI6tWDzBrUtN2khzS2x8hy6z", Kid = "k1" });

        await applications.SetJsonWebKeySetAsync(application, set, Ct);
        var read = await applications.GetJsonWebKeySetAsync(application, Ct);

        Assert.Equal("""{"keys":[{"e":"AQAB","key_ops":[],"kid":"k1","kty":"RSA","n":"qI6tWDzBrUtN2khzS2x8hy6z","oth":[],"x5c":[]}]}""", application.JsonWebKeySet);
        var key = Assert.Single(read!.Keys);
        Assert.Equal(("k1", "RSA", "AQAB", "qI6tWDzBrUtN2khzS2x8hy6z"), (key.Kid, key.Kty, key.E, key.N));
    }

    [Fact]
    public async Task Linq_queries_over_the_stores_are_refused_rather_than_run_by_reflection()
    {
        var records = new MemoryOAuthRecordStore();
        var tokens = new OAuthTokenStore(records);
        await tokens.CreateAsync(Token(), Ct);
        var authorizations = new OAuthAuthorizationStore(records, tokens);
        var applications = new OAuthApplicationStore(records);

        await Assert.ThrowsAsync<NotSupportedException>(async () => await tokens.CountAsync(q => q, Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await tokens.GetAsync((q, id) => q.Where(t => t.Id == id), "t1", Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await tokens.ListAsync((q, _) => q, 0, Ct).ToListAsync(Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await authorizations.CountAsync(q => q, Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await authorizations.GetAsync((q, _) => q, 0, Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await authorizations.ListAsync((q, _) => q, 0, Ct).ToListAsync(Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await applications.CountAsync(q => q, Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await applications.GetAsync((q, _) => q, 0, Ct));
        await Assert.ThrowsAsync<NotSupportedException>(async () => await applications.ListAsync((q, _) => q, 0, Ct).ToListAsync(Ct));
        // The named look-ups OpenIddict uses still answer.
        Assert.Equal(1, await tokens.CountAsync(Ct));
        Assert.NotNull(await tokens.FindByReferenceIdAsync("ref", Ct));
    }
}
