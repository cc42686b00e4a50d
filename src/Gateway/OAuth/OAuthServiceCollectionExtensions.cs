using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Gateway.Secrets;

namespace Serverless.Gateway.OAuth;

public static class OAuthServiceCollectionExtensions
{
    /// <summary>
    /// The protected-resource side of OAuth: settings, metadata endpoint and token validation. The signing keys are
    /// read (or created) on first use only, so a deployment without OAuth never touches them. Needs the managed
    /// credentials' registrations (secret source, known secrets).
    /// </summary>
    public static IServiceCollection AddOAuthResource(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OAuthOptions>().Bind(configuration.GetSection(OAuthOptions.Section))
            .Validate(o => o.AccessTokenMinutes is > 0 and <= 24 * 60, "OAuth:AccessTokenMinutes must be between 1 and 1440.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Issuer) || IsBaseUrl(o.Issuer),
                "OAuth:Issuer must be the gateway's public base URL: http(s)://host[:port] with no path, query or fragment.")
            .ValidateOnStart();
        services.AddOptions<CredentialsOptions>()
            .Validate<IOptions<OAuthOptions>>((credentials, oauth) => !oauth.Value.Enabled || credentials.Mode == CredentialsMode.Managed,
                "OAuth:Enabled needs Credentials:Mode=Managed: access tokens carry grants over the keys the deployment holds.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SigningKeyProvider>();
        services.TryAddSingleton<AccessTokens>();
        services.TryAddSingleton<ProtectedResourceEndpoint>();
        return services;
    }

    private static bool IsBaseUrl(string value) =>
        Uri.TryCreate(value.Trim().TrimEnd('/'), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
