using System.Text.RegularExpressions;

namespace Serverless.Tools.Errors;

/// <summary>
/// Redacts text that looks like a credential in what an upstream echoes back (a proxy's error page, a debug
/// dump of the request): bearer tokens, Pilot Status keys and api-key headers, whether or not the gateway
/// knows the value.
/// </summary>
public static partial class CredentialShapes
{
    public static string Redact(string text) =>
        ApiKeyHeader().Replace(PilotStatusKey().Replace(Bearer().Replace(text, "Bearer " + CredentialScrubber.Redacted), CredentialScrubber.Redacted),
            m => m.Groups["name"].Value + m.Groups["sep"].Value + CredentialScrubber.Redacted);

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-._~+/=]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\bps_[A-Za-z0-9_\-]{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex PilotStatusKey();

    [GeneratedRegex(@"(?<name>x-api-key(?:-id)?""?)(?<sep>\s*[:=]\s*""?)(?!\[redacted\])[^\s"",;}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyHeader();
}
