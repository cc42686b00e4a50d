using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Gateway.Http;
using Serverless.Gateway.Secrets;

namespace Serverless.Gateway.OAuth;

/// <summary>
/// Protected Resource Metadata (RFC 9728) at /.well-known/oauth-protected-resource and its form suffixed with the
/// MCP path. Host-independent like the MCP endpoint; 404 unless OAuth is on in managed mode.
/// </summary>
public sealed class ProtectedResourceEndpoint(
    IOptionsMonitor<OAuthOptions> oauth,
    IOptionsMonitor<GatewayOptions> gateway,
    IOptionsMonitor<CredentialsOptions> credentials)
{
    /// <summary>Serves GET (and HEAD) for <paramref name="suffix"/> "" or "mcp"; anything else is 404.</summary>
    public async Task HandleAsync(HttpContext context, string? suffix)
    {
        var response = context.Response;
        var settings = oauth.CurrentValue;
        var normalized = (suffix ?? "").Trim('/');
        if (!settings.Enabled || credentials.CurrentValue.Mode != CredentialsMode.Managed || normalized is not ("" or "mcp"))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var options = gateway.CurrentValue;
        if (HostGuard.Refusal(context.Request, options) is { } refusal)
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            await response.WriteAsync("Forbidden: " + refusal);
            return;
        }

        var urls = ResourceUrls.For(context.Request, settings, options);
        var document = new JsonObject
        {
            ["resource"] = urls.Resource,
            ["authorization_servers"] = new JsonArray(urls.Issuer),
            ["bearer_methods_supported"] = new JsonArray("header"),
            ["resource_name"] = "MCP gateway for Pilot Status and Chili Piper",
        };
        // Public, non-secret metadata that browser-based clients read cross-origin.
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.CacheControl = "public, max-age=3600";
        response.ContentType = "application/json";
        await response.WriteAsync(document.ToJsonString());
    }
}
