using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Serverless.Gateway.OAuth.Server;

/// <summary>
/// Gives OpenIddict the gateway's own keys, so every instance of a deployment signs and opens codes and refresh tokens
/// alike: the RSA keys sign (newest first), and an AES key derived from each one encrypts. Read once, when OpenIddict
/// first needs its options; access tokens are signed with fresh keys on each issue (<see cref="AccessTokens"/>).
/// </summary>
public sealed class OAuthServerKeys(SigningKeyProvider keys) : IConfigureOptions<OpenIddictServerOptions>
{
    private static readonly byte[] EncryptionInfo = Encoding.ASCII.GetBytes("serverless-mcp-gateway oauth token encryption");

    public void Configure(OpenIddictServerOptions options)
    {
        // Options are built synchronously; this runs once per process, on the first OAuth request.
        var loaded = keys.GetAsync().GetAwaiter().GetResult();
        foreach (var key in loaded.All.Reverse().OfType<RsaSecurityKey>())
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
            var secret = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Rsa.ExportPkcs8PrivateKey(), 32, salt: [], info: EncryptionInfo);
            var aes = new SymmetricSecurityKey(secret) { KeyId = "enc-" + key.KeyId };
            options.EncryptionCredentials.Add(new EncryptingCredentials(aes, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
