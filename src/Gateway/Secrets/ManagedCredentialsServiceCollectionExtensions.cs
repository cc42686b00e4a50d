using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Gateway.Callers;

namespace Serverless.Gateway.Secrets;

public static class ManagedCredentialsServiceCollectionExtensions
{
    /// <summary>
    /// Credential mode, gateway clients and the secret source. Key Vault when KeyVault__Uri is set (a
    /// <see cref="SecretClient"/> registered earlier, such as a test's, stands in), configuration otherwise.
    /// </summary>
    public static IServiceCollection AddManagedCredentials(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CredentialsOptions>().Bind(configuration.GetSection(CredentialsOptions.Section))
            .Validate(o => o.SecretCacheSeconds >= 0, "Credentials:SecretCacheSeconds must not be negative.")
            .ValidateOnStart();
        services.AddOptions<KeyVaultOptions>().Bind(configuration.GetSection(KeyVaultOptions.Section));
        services.AddOptions<ClientRegistry>().Configure(registry => registry.Load(configuration.GetSection(ClientOptions.Section))).ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ClientRegistry>>().Value);

        services.TryAddSingleton(sp =>
        {
            var vault = sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value.Uri
                ?? throw new InvalidOperationException("KeyVault:Uri is not set.");
            // A user-assigned identity is chosen by AZURE_CLIENT_ID; without it the system-assigned one (or a developer sign-in) is used.
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"] is { Length: > 0 } clientId ? clientId : null,
            });
            return new SecretClient(vault, credential);
        });
        services.TryAddSingleton<ISecretSource>(sp => sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value.Uri is not null
            ? new KeyVaultSecretSource(sp.GetRequiredService<SecretClient>())
            : new ConfigurationSecretSource(configuration));
        services.TryAddSingleton<ManagedSecrets>();
        services.TryAddSingleton<NumberKeyDirectory>();
        services.AddHttpClient(NumberKeyDirectory.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddScoped<CurrentCaller>();
        return services;
    }
}
