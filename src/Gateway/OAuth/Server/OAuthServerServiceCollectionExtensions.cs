using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Serverless.Gateway.OAuth.Consent;
using Serverless.Gateway.OAuth.SignIn;
using Serverless.Gateway.OAuth.Stores;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Serverless.Gateway.OAuth.Server;

public static class OAuthServerServiceCollectionExtensions
{
    /// <summary>
    /// The authorization server (OpenIddict): code flow with S256 PKCE, rotating refresh tokens, revocation, metadata,
    /// client registration and metadata documents, sign-in and consent pages. Registered only when OAuth__Enabled and
    /// OAuth__SignIn are set at start-up; otherwise <see cref="OAuthServerEndpoint"/> answers 404 and nothing else runs.
    /// </summary>
    public static IServiceCollection AddOAuthServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<OAuthServerEndpoint>();
        var settings = configuration.GetSection(OAuthOptions.Section).Get<OAuthOptions>() ?? new OAuthOptions();
        if (!settings.Enabled || settings.SignIn == OAuthSignIn.None)
        {
            // Nothing of the server is registered: no authentication services, no keys read, every path 404.
            return services;
        }

        services.TryAddSingleton<IOAuthRecordStore>(sp => CreateStore(sp.GetRequiredService<IOptions<OAuthOptions>>().Value, configuration));
        services.TryAddSingleton<IssuerNames>();
        services.TryAddSingleton<OAuthClients>();
        services.TryAddSingleton<ClientMetadataDocuments>();
        services.TryAddSingleton<PageProtection>();
        services.TryAddSingleton<TenantNumbers>();
        services.TryAddSingleton<OAuthConnections>();
        services.TryAddSingleton<SignInPage>();
        if (settings.SignIn == OAuthSignIn.Oidc)
        {
            services.TryAddSingleton<OidcProvider>();
            services.TryAddSingleton<OidcSignIn>();
        }

        services.TryAddSingleton<ConsentPage>();
        services.TryAddSingleton<ConnectionsPage>();
        services.AddHttpClient(ClientMetadataDocuments.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => ClientMetadataDocuments.CreateHandler(sp.GetRequiredService<IOptionsMonitor<OAuthOptions>>()));
        services.AddHttpClient(TenantNumbers.HttpClientName);
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, OAuthServerKeys>();

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.SetDefaultApplicationEntity<OAuthApplicationRecord>()
                    .SetDefaultAuthorizationEntity<OAuthAuthorizationRecord>()
                    .SetDefaultTokenEntity<OAuthTokenRecord>()
                    .SetDefaultScopeEntity<OAuthScopeRecord>();
                core.ReplaceApplicationStore<OAuthApplicationRecord, OAuthApplicationStore>(ServiceLifetime.Singleton)
                    .ReplaceAuthorizationStore<OAuthAuthorizationRecord, OAuthAuthorizationStore>(ServiceLifetime.Singleton)
                    .ReplaceTokenStore<OAuthTokenRecord, OAuthTokenStore>(ServiceLifetime.Singleton)
                    .ReplaceScopeStore<OAuthScopeRecord, OAuthScopeStore>(ServiceLifetime.Singleton);
                core.ReplaceApplicationManager<OAuthApplicationRecord, LoopbackRedirectApplicationManager>();
                // Every instance reads revocations from the shared store, never from a cache of its own.
                core.DisableEntityCaching();
            })
            .AddServer(server =>
            {
                if (!string.IsNullOrWhiteSpace(settings.Issuer))
                {
                    server.SetIssuer(new Uri(settings.Issuer.Trim().TrimEnd('/') + "/"));
                }

                server.SetAuthorizationEndpointUris(OAuthRoutes.Authorize.TrimStart('/'), OAuthRoutes.Consent.TrimStart('/'))
                    .SetTokenEndpointUris(OAuthRoutes.Token.TrimStart('/'))
                    .SetRevocationEndpointUris(OAuthRoutes.Revoke.TrimStart('/'))
                    .SetJsonWebKeySetEndpointUris(OAuthRoutes.Keys.TrimStart('/'))
                    .SetConfigurationEndpointUris(OAuthRoutes.Metadata.TrimStart('/'), OAuthRoutes.OpenIdMetadata.TrimStart('/'));
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(Math.Clamp(settings.AccessTokenMinutes, 1, 24 * 60)))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(Math.Clamp(settings.RefreshTokenDays, 1, 365)))
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(5))
                    // A refresh token works once: a second use is a theft signal and revokes the whole connection.
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                server.DisableAccessTokenEncryption().DisableScopeValidation().DisableResourceValidation().IgnoreResourcePermissions().IgnoreScopePermissions();
                server.Configure(options =>
                {
                    // S256 only: "plain" would let anyone who sees the authorization request redeem its code.
                    options.CodeChallengeMethods.Clear();
                    options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                server.AddEventHandler(AccessTokenIssuer.Descriptor)
                    .AddEventHandler(ClientDocumentLoader.AuthorizationDescriptor)
                    .AddEventHandler(ClientDocumentLoader.TokenDescriptor)
                    .AddEventHandler(ResourceParameterCheck.AuthorizationDescriptor)
                    .AddEventHandler(ResourceParameterCheck.TokenDescriptor)
                    .AddEventHandler(MetadataAdditions.ConfigurationDescriptor)
                    .AddEventHandler(MetadataAdditions.AuthorizationDescriptor);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    // TLS ends at the platform's front end (or the self-host is loopback HTTP); the issuer says https where it matters.
                    .DisableTransportSecurityRequirement();
            });
        return services;
    }

    private static IOAuthRecordStore CreateStore(OAuthOptions options, IConfiguration configuration) => options.Store switch
    {
        OAuthStoreKind.File => new FileOAuthRecordStore(string.IsNullOrWhiteSpace(options.StorePath) ? OAuthOptions.DefaultStorePath() : options.StorePath),
        OAuthStoreKind.Table => new TableOAuthRecordStore(TableClientFor(options, configuration)),
        _ => new MemoryOAuthRecordStore(),
    };

    private static TableClient TableClientFor(OAuthOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.TableConnection))
        {
            return new TableClient(options.TableConnection, options.TableName);
        }

        var uri = options.TableServiceUri ?? throw new InvalidOperationException("OAuth__Store=Table needs OAuth__TableConnection or OAuth__TableServiceUri.");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"] is { Length: > 0 } clientId ? clientId : null,
        });
        return new TableServiceClient(uri, credential).GetTableClient(options.TableName);
    }
}
