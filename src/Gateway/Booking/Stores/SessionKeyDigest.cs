using System.Security.Cryptography;
using System.Text;

namespace Serverless.Gateway.Booking.Stores;

/// <summary>
/// A session key as lower-case hex SHA-256: legal as a table key or an entity key whatever the upstream's
/// session id holds, of fixed length, and spread evenly.
/// </summary>
public static class SessionKeyDigest
{
    public static string Of(string sessionKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionKey)));
}
