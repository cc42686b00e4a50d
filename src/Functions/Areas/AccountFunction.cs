using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Gateway.Http;
using Serverless.Tools.Catalog;

namespace Serverless.Functions.Areas;

public sealed class AccountFunction(McpGatewayEndpoint endpoint) : AreaFunction(endpoint)
{
    [Function(Toolsets.Account)]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "get", "delete", Route = RoutePrefix + Toolsets.Account + RouteMode)] HttpRequest request,
        string? mode) =>
        Serve(request, Toolsets.Account, mode);
}
