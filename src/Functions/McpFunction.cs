using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Gateway.Http;

namespace Serverless.Functions;

/// <summary>The whole catalog at /mcp (skeleton; per-area functions follow).</summary>
public sealed class McpFunction(McpGatewayEndpoint endpoint)
{
    [Function("mcp")]
    public Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "mcp")] HttpRequest request) =>
        endpoint.HandlePostAsync(request.HttpContext, null, readOnly: false);
}
