using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Gateway.OAuth;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Gateway.Tests.Managed;

namespace Serverless.Gateway.Tests.OAuth;

/// <summary>Signing keys held as a secret (PEM private keys, the last one signing): Key Vault in Azure, configuration otherwise.</summary>
public sealed class SigningKeySecretTests
{
    private static string NewPem()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    [Fact]
    public async Task Tokens_are_checked_with_the_keys_of_the_secret_and_a_key_appended_to_it_signs_while_the_old_one_still_verifies()
    {
        var first = NewPem();
        var second = NewPem();
        var vault = await FakeKeyVault.StartAsync();
        await using var _ = vault;
        vault.Secrets[SigningKeyProvider.SecretName] = first;
        var settings = OAuthHost.Settings();
        settings["KeyVault:Uri"] = vault.Uri.ToString();
        settings["Credentials:SecretCacheSeconds"] = "0";
        vault.Secrets["pilotstatus-tenant-key"] = Serverless.Sandbox.SandboxCredentials.PilotStatusTenantKey;
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, settings, s => s.AddSingleton(vault.CreateClient()));
        var ct = TestContext.Current.CancellationToken;
        var signedWithFirst = await new AccessTokens(SigningKeyProvider.Of(SigningKeys.FromPem(first)), TimeProvider.System)
            .IssueAsync(host.Urls(), "user-1", "client-1", OAuthHost.NumberTwoReadChiliPiper, TimeSpan.FromMinutes(5));

        await using (var client = await host.ConnectAsClientAsync(signedWithFirst))
        {
            var tools = await client.ListToolsAsync(cancellationToken: ct);
            Assert.Contains(tools, t => t.Name == "conversations_list");
        }

        // Rotation: a new version of the secret with the new key appended.
        vault.Secrets[SigningKeyProvider.SecretName] = first + "\n" + second;
        var issuedNow = await host.TokenAsync(OAuthHost.NumberTwoReadChiliPiper);
        Assert.NotNull(await new AccessTokens(SigningKeyProvider.Of(SigningKeys.FromPem(second)), TimeProvider.System).ValidateAsync(issuedNow, host.Urls()));
        Assert.Null(await new AccessTokens(SigningKeyProvider.Of(SigningKeys.FromPem(first)), TimeProvider.System).ValidateAsync(issuedNow, host.Urls()));
        await using (var client = await host.ConnectAsClientAsync(signedWithFirst))
        {
            Assert.NotEmpty(await client.ListToolsAsync(cancellationToken: ct));
        }

        Assert.True(vault.Reads(SigningKeyProvider.SecretName) >= 2);
        Assert.False(File.Exists(settings["OAuth:SigningKeyFile"]), "a vault deployment must not fall back to a local key");
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_vault_but_no_signing_key_secret_a_token_gets_503_naming_the_secret_and_no_local_key_is_made()
    {
        var vault = await FakeKeyVault.StartAsync();
        await using var _ = vault;
        var settings = OAuthHost.Settings();
        settings["KeyVault:Uri"] = vault.Uri.ToString();
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, settings, s => s.AddSingleton(vault.CreateClient()));
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.Mcp())
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");

        using var response = await http.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("signing keys", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, line => line.Contains($"'{SigningKeyProvider.SecretName}' is missing", StringComparison.Ordinal));
        Assert.False(File.Exists(settings["OAuth:SigningKeyFile"]));
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task Without_a_vault_the_secret_from_configuration_is_used_instead_of_a_local_file()
    {
        var pem = NewPem();
        var settings = OAuthHost.Settings();
        settings[$"Secrets:{SigningKeyProvider.SecretName}"] = pem;
        await using var host = await ManagedHost.StartAsync(new UpstreamRecorder(), settings);
        var token = await new AccessTokens(SigningKeyProvider.Of(SigningKeys.FromPem(pem)), TimeProvider.System)
            .IssueAsync(host.Urls(), "user-1", "client-1", OAuthHost.NumberTwoReadChiliPiper, TimeSpan.FromMinutes(5));

        await using var client = await host.ConnectAsClientAsync(token);

        Assert.NotEmpty(await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.False(File.Exists(settings["OAuth:SigningKeyFile"]));
    }
}
