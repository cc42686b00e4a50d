using Microsoft.AspNetCore.Http;

namespace Serverless.Gateway.Http;

/// <summary>Checks Host and Origin against the configured lists (DNS-rebinding and cross-site protection).</summary>
internal static class HostGuard
{
    public static string? Refusal(HttpRequest request, GatewayOptions options)
    {
        var host = request.Host;
        if (!host.HasValue || !HostAllowed(host.Host, host.Port, options.AllowedHosts))
        {
            return $"Host '{host.Value}' is not allowed. Add it to Gateway__AllowedHosts to serve it.";
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
