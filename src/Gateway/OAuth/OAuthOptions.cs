namespace Serverless.Gateway.OAuth;

/// <summary>The gateway as an OAuth 2.1 protected resource, bound from the "OAuth" section (OAuth__*). Off unless enabled.</summary>
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

    public static string DefaultSigningKeyFile() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "serverless-mcp-gateway", "oauth-signing-keys.json");
}
