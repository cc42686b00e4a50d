using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Gateway.Http;
using Serverless.Tools.Catalog;

namespace Serverless.Functions.Areas;

public sealed class ConciergeFunction(McpGatewayEndpoint endpoint) : AreaFunction(endpoint)
{
    [Function(Toolsets.Concierge)]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "get", "delete", Route = RoutePrefix + Toolsets.Concierge + RouteMode)] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        string? mode) =>
        Serve(request, Toolsets.Concierge, mode, durableClient);
}
