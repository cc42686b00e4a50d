using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Serverless.Gateway.Secrets;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.OAuth;

/// <summary>The signing keys could not be read; tokens can be neither issued nor checked until they can.</summary>
public sealed class SigningKeysUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Where the signing keys come from: with a Key Vault, its secret <see cref="SecretName"/> (PEM private keys, the
/// last one signing), re-read after <c>Credentials__SecretCacheSeconds</c> so a rotation reaches every instance;
/// without one, the same secret from configuration when set, else a key generated once and kept in a local file.
/// </summary>
public class SigningKeyProvider
{
    public const string SecretName = "oauth-signing-keys";

    private readonly ISecretSource? _source;
    private readonly bool _vault;
    private readonly IOptionsMonitor<OAuthOptions>? _oauth;
    private readonly IOptionsMonitor<CredentialsOptions>? _credentials;
    private readonly KnownSecrets? _known;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // A reference swapped whole, so a reader outside the gate never sees half of an update.
    private volatile Loaded? _cached;

    public SigningKeyProvider(ISecretSource source, IOptions<KeyVaultOptions> vault, IOptionsMonitor<OAuthOptions> oauth,
        IOptionsMonitor<CredentialsOptions> credentials, KnownSecrets known, TimeProvider time)
    {
        _source = source;
        _vault = vault.Value.Uri is not null;
        _oauth = oauth;
        _credentials = credentials;
        _known = known;
        _time = time;
    }

    private SigningKeyProvider(SigningKeys keys)
    {
        _time = TimeProvider.System;
        _cached = new Loaded(keys, DateTimeOffset.MaxValue, null);
    }

    /// <summary>A provider that always answers these keys.</summary>
    public static SigningKeyProvider Of(SigningKeys keys) => new(keys);

    public async Task<SigningKeys> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } hit && hit.Expires > _time.GetUtcNow())
        {
            return hit.Keys;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && again.Expires > _time.GetUtcNow())
            {
                return again.Keys;
            }

            var (keys, text, cache) = await LoadAsync(cancellationToken).ConfigureAwait(false);
            var expires = cache ? _time.GetUtcNow().AddSeconds(Math.Max(0, _credentials!.CurrentValue.SecretCacheSeconds)) : DateTimeOffset.MaxValue;
            _cached = new Loaded(keys, expires, text);
            return keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(SigningKeys Keys, string? Text, bool Cache)> LoadAsync(CancellationToken cancellationToken)
    {
        string? text;
        try
        {
            text = await _source!.GetAsync(SecretName, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretSourceException e)
        {
            throw new SigningKeysUnavailableException($"The token signing keys could not be read: {e.Message}", e);
        }

        if (text is not null)
        {
            _known!.Remember(text);
            if (_cached is { Text: { } previous } cached && previous == text)
            {
                return (cached.Keys, text, true);
            }

            try
            {
                return (SigningKeys.FromPem(text), text, true);
            }
            catch (Exception e) when (e is InvalidOperationException or CryptographicException or ArgumentException)
            {
                throw new SigningKeysUnavailableException($"Secret '{SecretName}' ({_source.Description}) does not hold PEM RSA private keys.", e);
            }
        }

        if (_vault)
        {
            // Every instance must sign with the same key: a key of this instance's own would fail on the others.
            throw new SigningKeysUnavailableException($"Secret '{SecretName}' is missing from {_source.Description}; add a PEM RSA private key to it.");
        }

        var path = _oauth!.CurrentValue.SigningKeyFile;
        return (SigningKeys.LoadOrCreate(string.IsNullOrWhiteSpace(path) ? OAuthOptions.DefaultSigningKeyFile() : path), null, false);
    }

    private sealed record Loaded(SigningKeys Keys, DateTimeOffset Expires, string? Text);
}
