using System.Security.Cryptography;
using System.Text.Json;
using Serverless.Gateway.OAuth;
using Serverless.Gateway.Tests.Managed;

namespace Serverless.Gateway.Tests.OAuth;

public sealed class SigningKeysTests
{
    [Fact]
    public void A_generated_key_is_persisted_readable_by_its_owner_only_and_the_same_key_is_loaded_again()
    {
        var path = Path.Combine(Path.GetTempPath(), "oauth-test-" + Guid.NewGuid().ToString("N"), "keys.json");

        var created = SigningKeys.LoadOrCreate(path);
        var loaded = SigningKeys.LoadOrCreate(path);

        Assert.True(File.Exists(path));
        Assert.Equal(created.Current.KeyId, loaded.Current.KeyId);
        Assert.False(string.IsNullOrEmpty(created.Current.KeyId));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task After_rotation_new_tokens_use_the_new_key_and_tokens_signed_before_stay_valid()
    {
        var path = Path.Combine(Path.GetTempPath(), "oauth-test-" + Guid.NewGuid().ToString("N"), "keys.json");
        var before = SigningKeys.LoadOrCreate(path);
        var urls = new ResourceUrls("https://gateway.example.com");
        var oldToken = await new AccessTokens(SigningKeyProvider.Of(before), TimeProvider.System).IssueAsync(urls, "u", "c", OAuthHost.NumberTwoReadChiliPiper, TimeSpan.FromMinutes(5));

        var after = before.Rotate();
        var rotated = new AccessTokens(SigningKeyProvider.Of(after), TimeProvider.System);
        var newToken = await rotated.IssueAsync(urls, "u", "c", OAuthHost.NumberTwoReadChiliPiper, TimeSpan.FromMinutes(5));

        Assert.NotEqual(before.Current.KeyId, after.Current.KeyId);
        Assert.NotNull(await rotated.ValidateAsync(oldToken, urls));
        Assert.NotNull(await rotated.ValidateAsync(newToken, urls));
        // The old key set does not know the new key: the rotation really changed the signer.
        Assert.Null(await new AccessTokens(SigningKeyProvider.Of(before), TimeProvider.System).ValidateAsync(newToken, urls));
        var caller = await rotated.ValidateAsync(oldToken, urls);
        Assert.Equal("c/u", caller!.Id);
        Assert.True(caller.Grant.AllowsNumber(SandboxSeedIds.Number2));
        Assert.False(caller.Grant.AllowsNumber(SandboxSeedIds.Number1));
    }

    [Fact]
    public void The_key_file_is_a_keys_array_of_base64_pkcs8_keys_oldest_first_and_reads_back()
    {
        using var rsa = RSA.Create(2048);
        var keys = SigningKeys.FromPem(rsa.ExportPkcs8PrivateKeyPem()).Rotate();

        var json = keys.ToJson();
        using var document = JsonDocument.Parse(json);

        var property = Assert.Single(document.RootElement.EnumerateObject());
        Assert.Equal("keys", property.Name);
        Assert.Equal(2, property.Value.GetArrayLength());
        Assert.All(property.Value.EnumerateArray(), k => Convert.FromBase64String(k.GetString()!));
        var read = SigningKeys.FromJson(json);
        Assert.Equal(keys.Current.KeyId, read.Current.KeyId);
        Assert.Equal(keys.All.Select(k => k.KeyId), read.All.Select(k => k.KeyId));
    }
}
