namespace Serverless.Gateway.Secrets;

public enum CredentialsMode
{
    /// <summary>Callers send the vendors' own credentials; the gateway forwards them.</summary>
    PassThrough,

    /// <summary>The deployment holds the vendor keys; callers authenticate to the gateway and act within a grant.</summary>
    Managed,
}

/// <summary>How upstream credentials are obtained, bound from the "Credentials" section (Credentials__*).</summary>
public sealed class CredentialsOptions
{
    public const string Section = "Credentials";

    public CredentialsMode Mode { get; set; } = CredentialsMode.PassThrough;

    /// <summary>How long a secret (or a number key found through the tenant key) is used before it is read again; 0 reads every time.</summary>
    public int SecretCacheSeconds { get; set; } = 300;
}

/// <summary>Where managed secrets live, bound from the "KeyVault" section (KeyVault__Uri).</summary>
public sealed class KeyVaultOptions
{
    public const string Section = "KeyVault";

    /// <summary>The vault, such as https://my-vault.vault.azure.net/; unset means configuration entries Secrets__&lt;name&gt;.</summary>
    public Uri? Uri { get; set; }
}
