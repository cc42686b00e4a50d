using Microsoft.Extensions.Configuration;

namespace Serverless.Gateway.Secrets;

/// <summary>Secrets from configuration entries Secrets__&lt;name&gt; (local runs, or app settings with Key Vault references).</summary>
public sealed class ConfigurationSecretSource(IConfiguration configuration) : ISecretSource
{
    public const string Section = "Secrets";

    public string Description => "configuration (Secrets__<name>)";

    public Task<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult(configuration[$"{Section}:{name}"] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null);
}
