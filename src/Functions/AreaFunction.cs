using Microsoft.AspNetCore.Http;
using Serverless.Gateway.Http;

namespace Serverless.Functions;

/// <summary>
/// What every per-area function shares. Each area is its own function (named after the toolset id) so Azure
/// counts its invocations, failures and durations apart, and an operator can switch it off with
/// AzureWebJobs.&lt;area&gt;.Disabled=true. Route: mcp/x/{area} with an optional trailing "readonly".
/// </summary>
public abstract class AreaFunction(McpGatewayEndpoint endpoint)
{
    /// <summary>Route start of every area function; the area id follows.</summary>
    protected const string RoutePrefix = "mcp/x/";

    /// <summary>The optional "readonly" segment, constrained so any other tail falls through to the mcp function.</summary>
    protected const string RouteMode = "/{mode:regex(^readonly$)?}";

    protected Task Serve(HttpRequest request, string area, string? mode) =>
        endpoint.HandleToolsetAsync(request.HttpContext, area, mode);
}
