using System.Security.Cryptography;
using System.Text;
using Serverless.Gateway.Grants;

namespace Serverless.Gateway.Callers;

/// <summary>Creates a gateway client key and the settings that register it (the self-host's client-key command).</summary>
public static class ClientKeys
{
    public const string Prefix = "mcpgw_";

    /// <summary>A new key: the prefix and 32 bytes from the cryptographic generator, base64url.</summary>
    public static string NewKey() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Sha256Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The settings of one client, in order, as name/value pairs; the key appears only as its hash.</summary>
    public static (IReadOnlyList<KeyValuePair<string, string>> Settings, string? Error) Settings(string id, string key, ClientOptions client)
    {
        if (!ClientGrants.IsValidId(id))
        {
            return ([], $"'{id}' is not a valid client id: use 1 to 64 letters, digits, '-' or '_'.");
        }

        var (_, error) = ClientGrants.Parse(id, client);
        if (error is not null)
        {
            return ([], error);
        }

        var prefix = $"Clients__{id}__";
        var settings = new List<KeyValuePair<string, string>>
        {
            new(prefix + "KeySha256", Sha256Hex(key)),
            new(prefix + "Numbers", string.IsNullOrWhiteSpace(client.Numbers) ? "" : client.Numbers.Trim()),
            new(prefix + "ChiliPiper", (client.ChiliPiper ?? nameof(ChiliPiperAccess.None)).Trim().ToLowerInvariant()),
        };
        if (!string.IsNullOrWhiteSpace(client.Toolsets))
        {
            settings.Add(new(prefix + "Toolsets", client.Toolsets.Trim()));
        }

        if (client.ReadOnly)
        {
            settings.Add(new(prefix + "ReadOnly", "true"));
        }

        return (settings, null);
    }

    /// <summary>What the client-key command prints: the key once, then the settings in environment and Azure CLI form.</summary>
    public static string Render(string id, string key, IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        var text = new StringBuilder();
        text.AppendLine($"Client key for '{id}' (shown only now; the gateway stores only its SHA-256):");
        text.AppendLine();
        text.AppendLine("  " + key);
        text.AppendLine();
        text.AppendLine("Settings for the gateway (environment form), with Credentials__Mode=Managed:");
        text.AppendLine();
        foreach (var (name, value) in settings)
        {
            text.AppendLine($"  {name}={value}");
        }

        text.AppendLine();
        text.AppendLine("Azure CLI (Functions app):");
        text.AppendLine();
        text.Append("  az functionapp config appsettings set --name <app> --resource-group <group> --settings");
        foreach (var (name, value) in settings)
        {
            text.Append($" \\\n    \"{name}={value}\"");
        }

        text.AppendLine();
        text.AppendLine();
        text.AppendLine("The client calls the gateway with the header 'Authorization: Bearer <key>'.");
        return text.ToString();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
