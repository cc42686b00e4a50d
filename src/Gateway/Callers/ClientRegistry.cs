using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Serverless.Gateway.Grants;

namespace Serverless.Gateway.Callers;

/// <summary>
/// The gateway clients configured as Clients__&lt;id&gt;__*, with their key hashes and grants (managed mode).
/// A key is matched by comparing SHA-256 digests in constant time against every client.
/// </summary>
public sealed class ClientRegistry
{
    public const string Issuer = "client-key";

    private readonly List<(string Id, byte[] Hash, Grant Grant)> _clients = [];

    public int Count => _clients.Count;

    /// <summary>Reads every client; a wrong setting stops the start-up with a message naming it.</summary>
    public void Load(IConfiguration section)
    {
        _clients.Clear();
        foreach (var child in section.GetChildren())
        {
            var id = child.Key;
            var client = child.Get<ClientOptions>() ?? new ClientOptions();
            if (!ClientGrants.IsValidId(id))
            {
                throw new InvalidOperationException($"Clients__{id}: a client id is 1 to 64 letters, digits, '-' or '_'.");
            }

            if (client.KeySha256?.Trim() is not { Length: 64 } hex || !hex.All(char.IsAsciiHexDigit))
            {
                throw new InvalidOperationException($"Clients__{id}__KeySha256 must be the 64-character hex SHA-256 of the client's key.");
            }

            var (grant, error) = ClientGrants.Parse(id, client);
            if (grant is null)
            {
                throw new InvalidOperationException(error);
            }

            _clients.Add((id, Convert.FromHexString(hex), grant));
        }
    }

    public CallerIdentity? Authenticate(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        CallerIdentity? found = null;
        foreach (var (id, hash, grant) in _clients)
        {
            // Every client is compared, in constant time, so the answer's timing says nothing about the keys.
            if (CryptographicOperations.FixedTimeEquals(digest, hash))
            {
                found ??= new CallerIdentity(id, grant, Issuer);
            }
        }

        return found;
    }
}
