using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Grants;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Booking;

/// <summary>
/// A stable name for the caller that reveals nothing about its credential: a truncated SHA-256 of the Chili
/// Piper token (pass-through), or of the managed caller's issuer and id (managed mode, where every caller's
/// calls go out with the same deployment token). The ledger stores this, never a credential.
/// </summary>
public static class CallerId
{
    // 128 bits: collisions between real tokens are out of reach, and the digest stays short in stored records.
    private const int Bytes = 16;

    /// <summary>The caller id of a call: its managed identity when it has one, else its Chili Piper token; null without either.</summary>
    public static string? Of(IServiceProvider services) =>
        services.GetService<CurrentCaller>()?.Identity is { } identity
            ? FromIdentity(identity)
            : Of(services.GetRequiredService<CallerCredentials>());

    public static string FromIdentity(CallerIdentity identity) => Digest("managed-caller:" + identity.Issuer + ":" + identity.Id);

    /// <summary>The caller id of a request, or null when it carries no Chili Piper token.</summary>
    public static string? Of(CallerCredentials credentials) =>
        string.IsNullOrEmpty(credentials.ChiliPiperToken) ? null : FromToken(credentials.ChiliPiperToken);

    public static string FromToken(string token)
    {
        // A fixed prefix keeps these digests apart from any other hash of the same token.
        return Digest("chili-piper-caller:" + token);
    }

    private static string Digest(string value)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return Convert.ToHexStringLower(digest.AsSpan(0, Bytes));
    }
}
