using Microsoft.AspNetCore.Http;

namespace Serverless.Gateway.OAuth;

/// <summary>
/// The URLs that name this protected resource: the issuer (base URL), the resource (the MCP URL, which is every
/// token's audience) and its Protected Resource Metadata (RFC 9728, path-suffixed for /mcp).
/// </summary>
public sealed record ResourceUrls(string Issuer)
{
    public const string McpPath = "/mcp";
    public const string MetadataPath = "/.well-known/oauth-protected-resource";

    public string Resource => Issuer + McpPath;

    public string Metadata => Issuer + MetadataPath + McpPath;

    /// <summary>
    /// From the configured issuer, else from the request: its scheme (X-Forwarded-Proto behind a trusted front end)
    /// and its public host, which the host guard has already checked against the allowed hosts.
    /// </summary>
    public static ResourceUrls For(HttpRequest request, OAuthOptions oauth, GatewayOptions gateway)
    {
        if (!string.IsNullOrWhiteSpace(oauth.Issuer))
        {
            return new ResourceUrls(oauth.Issuer.Trim().TrimEnd('/'));
        }

        var scheme = request.Scheme;
        var host = request.Host.Value;
        if (gateway.TrustForwardedHost)
        {
            if (request.Headers["X-Forwarded-Host"].ToString().Split(',')[0].Trim() is { Length: > 0 } forwarded)
            {
                host = forwarded;
            }

            var proto = request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim();
            if (proto is "https" or "http")
            {
                scheme = proto;
            }
        }

        return new ResourceUrls($"{scheme}://{host}".ToLowerInvariant());
    }
}
