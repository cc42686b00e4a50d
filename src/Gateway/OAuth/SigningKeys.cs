using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.IdentityModel.Tokens;
using Serverless.Gateway.OAuth.Stores;

namespace Serverless.Gateway.OAuth;

/// <summary>
/// The keys access tokens are signed with: the newest signs, every one listed still verifies, so a rotated-in key
/// leaves tokens signed by the previous one valid until they expire. Persisted as a small JSON file of PKCS#8 keys.
/// </summary>
public sealed class SigningKeys
{
    private readonly List<RsaSecurityKey> _keys;

    private SigningKeys(List<RsaSecurityKey> keys) => _keys = keys;

    /// <summary>The key new tokens are signed with.</summary>
    public SecurityKey Current => _keys[^1];

    /// <summary>Every key a token may have been signed with.</summary>
    public IReadOnlyList<SecurityKey> All => _keys;

    /// <summary>Reads the file, creating it with a fresh key (readable by the owner only) when it does not exist.</summary>
    public static SigningKeys LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return FromJson(File.ReadAllText(path));
        }

        var keys = Empty().Rotate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(keys.ToJson());
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; use its keys so both sign and verify alike.
            return FromJson(File.ReadAllText(path));
        }

        return keys;
    }

    /// <summary>A copy with a new key that signs from now on; the existing ones keep verifying.</summary>
    public SigningKeys Rotate()
    {
        var rsa = RSA.Create(2048);
        return new SigningKeys([.. _keys, Key(rsa.ExportPkcs8PrivateKey())]);
    }

    /// <summary>
    /// Keys from PEM text holding one or more private keys (PKCS#8 or PKCS#1 RSA), oldest first: the last one signs.
    /// This is the form of the Key Vault secret, so a rotation is a new secret version with a key appended.
    /// </summary>
    public static SigningKeys FromPem(string text)
    {
        var keys = new List<RsaSecurityKey>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var block = rest[fields.Location];
            var rsa = RSA.Create();
            rsa.ImportFromPem(block);
            keys.Add(Key(rsa.ExportPkcs8PrivateKey()));
            rest = rest[fields.Location.End..];
        }

        return keys.Count > 0 ? new SigningKeys(keys) : throw new InvalidOperationException("The signing key secret holds no PEM private key.");
    }

    public static SigningKeys FromJson(string json)
    {
        var file = JsonSerializer.Deserialize(json, OAuthJson.Default.KeyFile) ?? throw new InvalidOperationException("The signing key document is empty.");
        if (file.Keys is not { Count: > 0 })
        {
            throw new InvalidOperationException("The signing key document holds no key.");
        }

        return new SigningKeys([.. file.Keys.Select(k => Key(Convert.FromBase64String(k)))]);
    }

    public string ToJson() => JsonSerializer.Serialize(new KeyFile
    {
        Keys = [.. _keys.Select(k => Convert.ToBase64String(k.Rsa.ExportPkcs8PrivateKey()))],
    }, OAuthJson.Default.KeyFile);

    private static SigningKeys Empty() => new([]);

    private static RsaSecurityKey Key(byte[] pkcs8)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(pkcs8, out _);
        var key = new RsaSecurityKey(rsa);
        // The key id is the RFC 7638 thumbprint of the public key, so it is stable wherever the key is loaded.
        key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false))).ComputeJwkThumbprint());
        return key;
    }

    internal sealed class KeyFile
    {
        [JsonPropertyName("keys")]
        public List<string>? Keys { get; set; }
    }
}
