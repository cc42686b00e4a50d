using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Gateway.Http;
using Serverless.Tools.Catalog;

namespace Serverless.Functions.Areas;

public sealed class HandoffFunction(McpGatewayEndpoint endpoint) : AreaFunction(endpoint)
{
    [Function(Toolsets.Handoff)]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "get", "delete", Route = RoutePrefix + Toolsets.Handoff + RouteMode)] HttpRequest request,
        [DurableClient] DurableTaskClient durableClient,
        string? mode) =>
        Serve(request, Toolsets.Handoff, mode, durableClient);
}
