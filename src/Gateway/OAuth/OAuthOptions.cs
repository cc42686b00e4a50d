namespace Serverless.Gateway.OAuth;

/// <summary>How users sign in to approve a connection; unset serves no authorization server (tokens are then minted elsewhere).</summary>
public enum OAuthSignIn
{
    None,

    /// <summary>A name typed on a form, for local runs against the sandbox only.</summary>
    Demo,

    /// <summary>An OpenID Connect provider (Microsoft Entra ID or any issuer).</summary>
    Oidc,
}

/// <summary>Where the authorization server keeps clients, connections and tokens.</summary>
public enum OAuthStoreKind
{
    Memory,
    File,
    Table,
}

/// <summary>The gateway as an OAuth 2.1 protected resource and authorization server, bound from the "OAuth" section (OAuth__*). Off unless enabled.</summary>
public sealed class OAuthOptions
{
    public const string Section = "OAuth";

    /// <summary>Accept access tokens the gateway issued (managed mode only); off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The gateway's public base URL (https://host), which is the tokens' issuer; the resource is this URL plus "/mcp".
    /// Unset: the scheme and allowed public host of each request, which suits a local self-host.
    /// </summary>
    public string? Issuer { get; set; }

    /// <summary>Where a generated signing key is persisted when no Key Vault holds it.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>Lifetime of an access token.</summary>
    public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>Lifetime of a refresh token; each use replaces it with a new one.</summary>
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>How users sign in on the authorization server; None serves no authorization server.</summary>
    public OAuthSignIn SignIn { get; set; } = OAuthSignIn.None;

    /// <summary>Where clients, connections and tokens are kept.</summary>
    public OAuthStoreKind Store { get; set; } = OAuthStoreKind.Memory;

    /// <summary>The folder of the File store.</summary>
    public string? StorePath { get; set; }

    /// <summary>Table store: a connection string (Azurite, keys), or else <see cref="TableServiceUri"/> with managed identity.</summary>
    public string? TableConnection { get; set; }

    public Uri? TableServiceUri { get; set; }

    public string TableName { get; set; } = "oauthgrants";

    public ClientMetadataOptions ClientMetadata { get; set; } = new();

    /// <summary>The OpenID Connect provider users sign in with when <see cref="SignIn"/> is Oidc.</summary>
    public OidcOptions Oidc { get; set; } = new();

    public static string DefaultSigningKeyFile() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "serverless-mcp-gateway", "oauth-signing-keys.json");

    public static string DefaultStorePath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "serverless-mcp-gateway", "oauth-store");
}

/// <summary>Fetching Client ID Metadata Documents (an HTTPS client_id), bound from OAuth__ClientMetadata__*.</summary>
public sealed class ClientMetadataOptions
{
    /// <summary>Whether a client_id may resolve to a private, loopback or link-local address (local tests only).</summary>
    public bool AllowPrivateAddresses { get; set; }

    public int MaxBytes { get; set; } = 64 * 1024;

    public int TimeoutSeconds { get; set; } = 5;
}

/// <summary>
/// The OpenID Connect provider of OAuth__SignIn=Oidc, bound from OAuth__Oidc__*. Its client secret is the secret
/// <see cref="ClientSecretName"/> (Key Vault or Secrets__*), never a setting.
/// </summary>
public sealed class OidcOptions
{
    public const string ClientSecretName = "oauth-oidc-client-secret";

    /// <summary>The provider's issuer URL; its discovery document is this plus /.well-known/openid-configuration.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Comma list of users who may sign in: an oid, sub, email or preferred_username.</summary>
    public string? AllowedUsers { get; set; }

    /// <summary>Comma list of group ids from the id_token's groups claim whose members may sign in.</summary>
    public string? AllowedGroups { get; set; }

    public IReadOnlyList<string> Users => List(AllowedUsers);

    public IReadOnlyList<string> Groups => List(AllowedGroups);

    private static string[] List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
