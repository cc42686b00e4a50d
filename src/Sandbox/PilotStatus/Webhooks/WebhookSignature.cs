using System.Security.Cryptography;
using System.Text;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// How the sandbox signs webhook deliveries. The vendor's own scheme is not published, so the twin uses a common
/// one: <c>X-PilotStatus-Signature: sha256=&lt;hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;raw body&gt;"&gt;</c>, keyed with the
/// webhook's secret, where the timestamp is the <c>X-PilotStatus-Timestamp</c> header (Unix seconds).
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-PilotStatus-Timestamp";
    public const string SignatureHeader = "X-PilotStatus-Signature";

    /// <summary>Event name of the delivery, e.g. <c>message.delivered</c>.</summary>
    public const string EventHeader = "X-PilotStatus-Event";

    /// <summary>Same value on every retry of one event to one webhook.</summary>
    public const string DeliveryHeader = "X-PilotStatus-Delivery";

    public const string WebhookHeader = "X-PilotStatus-Webhook";

    public const string Scheme = "sha256=";

    public static string Sign(string secret, long timestamp, string body)
    {
        var signed = timestamp.ToString(CultureInfo.InvariantCulture) + "." + body;
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(signed));
        return Scheme + Convert.ToHexStringLower(mac);
    }
}
