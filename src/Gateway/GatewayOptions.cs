namespace Serverless.Gateway;

/// <summary>HTTP settings of the MCP endpoint, bound from the "Gateway" section (Gateway__*).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Set by Azure App Service and Functions to the app's default host name; always served.</summary>
    public const string PlatformHostNameKey = "WEBSITE_HOSTNAME";

    /// <summary>Largest accepted request body; bigger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Host header values the endpoint answers to (host names, optionally with :port; "*.example.com" allows its subdomains; "*" allows any).
    /// A request for another host is refused, which defeats DNS rebinding against a local server.
    /// </summary>
    public string[] AllowedHosts { get; set; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Browser origins allowed to call the endpoint (scheme://host[:port], or "*"). Empty means: an
    /// Origin whose host is one of <see cref="AllowedHosts"/>. Requests without Origin (non-browser
    /// clients) are not affected.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Whether X-Forwarded-Host names the public host. Only a host behind a front end that sets the header
    /// itself may trust it (the function app does by default); elsewhere a client could add it to slip past
    /// the Host check, so the self-host ignores it unless told otherwise.
    /// </summary>
    public bool TrustForwardedHost { get; set; }

    /// <summary>
    /// Toolsets switched off on every route: neither listed nor callable. The function app adds each area
    /// whose function is disabled (AzureWebJobs.&lt;area&gt;.Disabled), so /mcp cannot reach it either.
    /// </summary>
    public string[] DisabledToolsets { get; set; } = [];
}
