using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Gateway.Http;
using Serverless.Tools.Catalog;

namespace Serverless.Functions.Areas;

public sealed class DistributionsFunction(McpGatewayEndpoint endpoint) : AreaFunction(endpoint)
{
    [Function(Toolsets.Distributions)]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "get", "delete", Route = RoutePrefix + Toolsets.Distributions + RouteMode)] HttpRequest request,
        string? mode) =>
        Serve(request, Toolsets.Distributions, mode);
}
