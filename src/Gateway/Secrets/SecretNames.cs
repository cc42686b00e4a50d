namespace Serverless.Gateway.Secrets;

/// <summary>
/// Names of the managed secrets, valid Key Vault secret names (letters, digits and '-', at most 127 characters),
/// used unchanged as configuration keys (Secrets__&lt;name&gt;).
/// </summary>
public static class SecretNames
{
    public const string ChiliPiperApiKey = "chilipiper-api-key";
    public const string PilotStatusTenantKey = "pilotstatus-tenant-key";
    public const string PilotStatusNumberKeyPrefix = "pilotstatus-number-key-";

    private const int MaxSecretNameLength = 127;

    /// <summary>
    /// The secret that may hold one number's own key: the prefix plus the number id lower-cased, with every
    /// character other than a-z and 0-9 replaced by '-' (num_Sandbox_1 becomes pilotstatus-number-key-num-sandbox-1).
    /// Key Vault names ignore case, so lower-casing loses nothing the vault would keep; ids differing only in
    /// case or in which punctuation separates the same letters map to one name. Null when the id is empty or
    /// too long for a secret name.
    /// </summary>
    public static string? NumberKey(string numberId)
    {
        if (string.IsNullOrWhiteSpace(numberId) || PilotStatusNumberKeyPrefix.Length + numberId.Length > MaxSecretNameLength)
        {
            return null;
        }

        var mapped = string.Create(numberId.Length, numberId, static (span, id) =>
        {
            for (var i = 0; i < id.Length; i++)
            {
                var c = char.ToLowerInvariant(id[i]);
                span[i] = c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-';
            }
        });
        return PilotStatusNumberKeyPrefix + mapped;
    }
}
