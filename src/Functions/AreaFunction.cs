using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Functions.Booking;
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

    /// <summary>
    /// For areas with two-phase booking tools: the Durable Entity booking store reaches its entities through
    /// the client the worker binds to this invocation.
    /// </summary>
    protected Task Serve(HttpRequest request, string area, string? mode, DurableTaskClient durableClient)
    {
        DurableClientSlot.OfferFrom(request, durableClient);
        return Serve(request, area, mode);
    }
}
