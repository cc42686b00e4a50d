using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Functions.Booking;
using Serverless.Gateway.Http;

namespace Serverless.Functions;

/// <summary>The whole catalog at /mcp (skeleton; per-area functions follow).</summary>
public sealed class McpFunction(McpGatewayEndpoint endpoint, DurableClientSlot durableClients)
{
    [Function("mcp")]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "mcp")] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient)
    {
        // The entity booking store reaches its entities through this client (Booking__Store=DurableEntity).
        durableClients.Offer(durableClient);
        return endpoint.HandlePostAsync(request.HttpContext, null, readOnly: false);
    }
}
