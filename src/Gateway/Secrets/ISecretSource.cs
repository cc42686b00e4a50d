namespace Serverless.Gateway.Secrets;

/// <summary>Where the deployment's vendor keys are read from (Key Vault, or configuration).</summary>
public interface ISecretSource
{
    /// <summary>Short description for error messages, such as "Key Vault my-vault.vault.azure.net".</summary>
    string Description { get; }

    /// <summary>The secret's current value, or null when no such secret exists.</summary>
    /// <exception cref="SecretSourceException">The source could not be read (access denied, unreachable).</exception>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);
}

/// <summary>The secret source failed; the message is safe to show (no credential, no raw response).</summary>
public sealed class SecretSourceException(string message, Exception? inner = null) : Exception(message, inner);
