using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Gateway.Http;
using Serverless.Tools.Catalog;

namespace Serverless.Functions.Areas;

public sealed class MessagingFunction(McpGatewayEndpoint endpoint) : AreaFunction(endpoint)
{
    [Function(Toolsets.Messaging)]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "get", "delete", Route = RoutePrefix + Toolsets.Messaging + RouteMode)] HttpRequest request,
        string? mode) =>
        Serve(request, Toolsets.Messaging, mode);
}
