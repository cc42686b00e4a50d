using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Functions.Booking;
using Serverless.Gateway.Http;

namespace Serverless.Functions;

/// <summary>
/// /mcp, /mcp/readonly and the multi-area routes /mcp/x/{toolsets}[/readonly]. A single-area path is more
/// specific and goes to that area's function instead.
/// </summary>
public sealed class McpFunction(McpGatewayEndpoint endpoint)
{
    public const string Name = "mcp";

    [Function(Name)]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "get", "delete", Route = "mcp/{*selection}")] HttpRequest request,
        string? selection,
        [DurableClient] DurableTaskClient durableClient)
    {
        DurableClientSlot.OfferFrom(request, durableClient);
        return endpoint.HandlePathAsync(request.HttpContext, selection);
    }
}
