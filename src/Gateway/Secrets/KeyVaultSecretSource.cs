using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Serverless.Gateway.Secrets;

/// <summary>Secrets from Azure Key Vault through the SDK's <see cref="SecretClient"/>.</summary>
public sealed class KeyVaultSecretSource(SecretClient client) : ISecretSource
{
    public string Description => $"Key Vault {client.VaultUri.Host}";

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await client.GetSecretAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return string.IsNullOrEmpty(secret.Value.Value) ? null : secret.Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException e)
        {
            // Only the status and the vault's error code: the rest of a vault answer is not ours to echo.
            throw new SecretSourceException($"{Description} refused reading secret '{name}' (HTTP {e.Status}{(e.ErrorCode is null ? "" : " " + e.ErrorCode)}).", e);
        }
        catch (AuthenticationFailedException e)
        {
            throw new SecretSourceException($"{Description}: the gateway's identity could not sign in to read secret '{name}' (check AZURE_CLIENT_ID and the identity's access).", e);
        }
    }
}
