using Microsoft.Extensions.DependencyInjection;
using Serverless.Sandbox;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>Managed secrets read by the real SecretClient from a fake Key Vault over HTTPS.</summary>
public sealed class KeyVaultSecretTests
{
    private static async Task<(FakeKeyVault Vault, UpstreamRecorder Recorder, Infrastructure.GatewayHost Host)> StartAsync()
    {
        var vault = await FakeKeyVault.StartAsync();
        var settings = ManagedHost.Settings(withSecrets: false);
        settings["KeyVault:Uri"] = vault.Uri.ToString();
        // Configuration entries must not be read when a vault is configured.
        settings["Secrets:chilipiper-api-key"] = "cp_configuration_value_not_used";
        var recorder = new UpstreamRecorder();
        var host = await ManagedHost.StartAsync(recorder, settings, s => s.AddSingleton(vault.CreateClient()));
        return (vault, recorder, host);
    }

    [Fact]
    public async Task The_vault_is_asked_after_its_challenge_and_once_for_many_calls()
    {
        var (vault, recorder, host) = await StartAsync();
        await using var _ = vault;
        await using var __ = host;
        vault.Secrets["chilipiper-api-key"] = SandboxCredentials.ChiliPiperAdminToken;
        await using var client = await host.ConnectAsClientAsync(ManagedHost.AllKey);
        var ct = TestContext.Current.CancellationToken;

        for (var i = 0; i < 3; i++)
        {
            var result = await client.CallToolAsync("user-find", new Dictionary<string, object?> { ["query"] = "bob" }, cancellationToken: ct);
            Assert.True(result.IsError is not true, ManagedHost.Text(result));
        }

        var requests = vault.Requests.ToArray();
        Assert.Equal(("chilipiper-api-key", false), requests[0]);
        Assert.Equal(("chilipiper-api-key", true), requests[1]);
        Assert.Equal(1, vault.Reads("chilipiper-api-key"));
        Assert.Equal(3, recorder.Requests.Count);
        Assert.All(recorder.Requests, r => Assert.Equal("Bearer " + SandboxCredentials.ChiliPiperAdminToken, r.Authorization));
        ManagedHost.AssertNoVendorKey(string.Join("\n", host.Logs.Lines), "the gateway's logs");
    }

    [Fact]
    public async Task After_an_upstream_401_the_secret_is_read_again_once_and_the_write_sent_once_more()
    {
        var (vault, recorder, host) = await StartAsync();
        await using var _ = vault;
        await using var __ = host;
        const string retired = "ps_retired_tenant_key_0000";
        vault.Secrets["pilotstatus-tenant-key"] = retired;
        await using var client = await host.ConnectAsClientAsync(ManagedHost.AllKey);
        var ct = TestContext.Current.CancellationToken;
        var branding = new Dictionary<string, object?> { ["companyName"] = "Acme" };

        // Still the retired key after reading again: one resend, then the 401 is the answer.
        var failed = await client.CallToolAsync("branding_upsert", branding, cancellationToken: ct);
        Assert.True(failed.IsError, ManagedHost.Text(failed));
        Assert.Equal(401, failed.StructuredContent!.Value.GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal(2, vault.Reads("pilotstatus-tenant-key"));
        Assert.Equal([retired, retired], recorder.Requests.Select(r => r.ApiKey));

        // The key is rotated in the vault; the cached retired key gets a 401, the fresh one is read and the write goes through.
        vault.Secrets["pilotstatus-tenant-key"] = SandboxCredentials.PilotStatusTenantKey;
        recorder.Clear();
        var rotated = await client.CallToolAsync("branding_upsert", branding, cancellationToken: ct);
        Assert.True(rotated.IsError is not true, ManagedHost.Text(rotated));
        Assert.Equal(3, vault.Reads("pilotstatus-tenant-key"));
        Assert.Equal([(401, retired), (200, SandboxCredentials.PilotStatusTenantKey)], recorder.Requests.Select(r => (r.Status, r.ApiKey)));

        // From then on the fresh key comes from the cache.
        recorder.Clear();
        var again = await client.CallToolAsync("branding_get", new Dictionary<string, object?>(), cancellationToken: ct);
        Assert.True(again.IsError is not true, ManagedHost.Text(again));
        Assert.Equal(3, vault.Reads("pilotstatus-tenant-key"));
        Assert.Single(recorder.Requests);
        Assert.DoesNotContain(retired, string.Join("\n", host.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_missing_from_the_vault_is_an_error_result_naming_it()
    {
        var (vault, recorder, host) = await StartAsync();
        await using var _ = vault;
        await using var __ = host;
        await using var client = await host.ConnectAsClientAsync(ManagedHost.AllKey);

        var result = await client.CallToolAsync("user-find", new Dictionary<string, object?> { ["query"] = "bob" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("SECRET_MISSING", ManagedHost.ErrorCode(result));
        Assert.Contains("'chilipiper-api-key'", ManagedHost.Text(result), StringComparison.Ordinal);
        Assert.Contains("Key Vault", ManagedHost.Text(result), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
        Assert.Contains(vault.Requests, r => r is ("chilipiper-api-key", true));
    }
}
