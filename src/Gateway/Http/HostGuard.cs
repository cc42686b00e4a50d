using Microsoft.AspNetCore.Http;

namespace Serverless.Gateway.Http;

/// <summary>Checks Host and Origin against the configured lists (DNS-rebinding and cross-site protection).</summary>
internal static class HostGuard
{
    public const string ForwardedHostHeader = "X-Forwarded-Host";

    public static string? Refusal(HttpRequest request, GatewayOptions options)
    {
        foreach (var host in PublicHosts(request, options))
        {
            if (!host.HasValue || !HostAllowed(host.Host, host.Port, options.AllowedHosts))
            {
                return $"Host '{host.Value}' is not allowed. Add it to Gateway__AllowedHosts to serve it.";
            }
        }

        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return null;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri))
        {
            return $"Origin '{origin}' is not a valid origin.";
        }

        var allowed = options.AllowedOrigins.Length == 0
            ? HostAllowed(originUri.Host, originUri.IsDefaultPort ? null : originUri.Port, options.AllowedHosts)
            : options.AllowedOrigins.Any(o => o == "*" || string.Equals(o.TrimEnd('/'), originUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase));
        return allowed ? null : $"Origin '{origin}' is not allowed. Add it to Gateway__AllowedOrigins to serve it.";
    }

    /// <summary>
    /// The host names the client addressed. Behind a trusted front end that is X-Forwarded-Host (every
    /// value, so a client-supplied one ahead of the front end's is checked too) and the Host header is the
    /// internal hop; otherwise the Host header alone, and X-Forwarded-Host is ignored.
    /// </summary>
    private static IEnumerable<HostString> PublicHosts(HttpRequest request, GatewayOptions options)
    {
        if (options.TrustForwardedHost && request.Headers.TryGetValue(ForwardedHostHeader, out var forwarded) && forwarded.Count > 0)
        {
            foreach (var value in forwarded)
            {
                foreach (var part in (value ?? "").Split(','))
                {
                    yield return HostString.FromUriComponent(part.Trim());
                }
            }

            yield break;
        }

        yield return request.Host;
    }

    private static bool HostAllowed(string host, int? port, string[] allowedHosts)
    {
        var bare = host.Trim('[', ']');
        foreach (var entry in allowedHosts)
        {
            if (entry == "*")
            {
                return true;
            }

            var (allowedHost, allowedPort) = Split(entry);
            var matches = allowedHost.StartsWith("*.", StringComparison.Ordinal)
                ? bare.EndsWith(allowedHost[1..], StringComparison.OrdinalIgnoreCase) && bare.Length > allowedHost.Length - 1
                : string.Equals(allowedHost.Trim('[', ']'), bare, StringComparison.OrdinalIgnoreCase);
            if (!matches)
            {
                continue;
            }

            if (allowedPort is null || allowedPort == port)
            {
                return true;
            }
        }

        return false;
    }

    private static (string Host, int? Port) Split(string entry)
    {
        var value = HostString.FromUriComponent(entry.Trim());
        return (value.Host, value.Port);
    }
}
