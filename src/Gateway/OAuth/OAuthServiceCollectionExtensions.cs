using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Gateway.OAuth.Server;
using Serverless.Gateway.OAuth.SignIn;
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
            .Validate(o => o.RefreshTokenDays is > 0 and <= 365, "OAuth:RefreshTokenDays must be between 1 and 365.")
            // Anyone can type a name on the demo form: it may only ever unlock the sandbox's demo data.
            .Validate(o => !o.Enabled || o.SignIn != OAuthSignIn.Demo || SandboxOn(configuration),
                "OAuth:SignIn=Demo signs anyone in and is refused unless the sandbox is on (Sandbox:Enabled=true or --sandbox); configure OAuth:SignIn=Oidc for real keys.")
            .Validate(o => !o.Enabled || o.SignIn != OAuthSignIn.Oidc || OidcAuthority.IsValid(o.Oidc.Authority),
                "OAuth:SignIn=Oidc needs OAuth:Oidc:Authority, the provider's issuer URL over https (such as https://login.microsoftonline.com/<tenant>/v2.0).")
            .Validate(o => !o.Enabled || o.SignIn != OAuthSignIn.Oidc || !string.IsNullOrWhiteSpace(o.Oidc.ClientId),
                "OAuth:SignIn=Oidc needs OAuth:Oidc:ClientId, the gateway's client id at the provider.")
            // An open sign-in would let anyone at the provider approve access to the deployment's keys.
            .Validate(o => !o.Enabled || o.SignIn != OAuthSignIn.Oidc || o.Oidc.Users.Count + o.Oidc.Groups.Count > 0,
                "OAuth:SignIn=Oidc needs OAuth:Oidc:AllowedUsers or OAuth:Oidc:AllowedGroups: without an allow-list anyone at the provider could grant access to the deployment's keys.")
            .Validate(o => !o.Enabled || o.Store != OAuthStoreKind.Table || !string.IsNullOrWhiteSpace(o.TableConnection) || o.TableServiceUri is not null,
                "OAuth:Store=Table needs OAuth:TableConnection or OAuth:TableServiceUri.")
            .ValidateOnStart();
        services.AddOptions<CredentialsOptions>()
            .Validate<IOptions<OAuthOptions>>((credentials, oauth) => !oauth.Value.Enabled || credentials.Mode == CredentialsMode.Managed,
                "OAuth:Enabled needs Credentials:Mode=Managed: access tokens carry grants over the keys the deployment holds.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SigningKeyProvider>();
        services.TryAddSingleton<AccessTokens>();
        services.TryAddSingleton<ProtectedResourceEndpoint>();
        services.AddOAuthServer(configuration);
        return services;
    }

    private static bool SandboxOn(IConfiguration configuration) =>
        bool.TryParse(configuration["Sandbox:Enabled"], out var on) && on;

    private static bool IsBaseUrl(string value) =>
        Uri.TryCreate(value.Trim().TrimEnd('/'), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;
}
