using System.Security.Cryptography;
using System.Text;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Booking;

/// <summary>
/// A stable name for the caller behind a Chili Piper credential that reveals nothing about it: a truncated
/// SHA-256 of the token. The ledger stores this, never the token.
/// </summary>
public static class CallerId
{
    // 128 bits: collisions between real tokens are out of reach, and the digest stays short in stored records.
    private const int Bytes = 16;

    /// <summary>The caller id of a request, or null when it carries no Chili Piper token.</summary>
    public static string? Of(CallerCredentials credentials) =>
        string.IsNullOrEmpty(credentials.ChiliPiperToken) ? null : FromToken(credentials.ChiliPiperToken);

    public static string FromToken(string token)
    {
        // A fixed prefix keeps these digests apart from any other hash of the same token.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("chili-piper-caller:" + token));
        return Convert.ToHexStringLower(digest.AsSpan(0, Bytes));
    }
}
