using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using OpenTelemetry;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Http;

/// <summary>
/// Answers one tools/list inside the process while the host is still starting: the catalog's tool objects
/// and schemas, the SDK server and its serialisation are then built and compiled before the first client
/// asks, instead of during its request. It runs beside start-up and never delays or fails it.
/// </summary>
internal sealed class GatewayWarmUp(IServiceProvider services, ILogger<GatewayWarmUp> logger) : IHostedService
{
    private Task _warming = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(WarmAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _warming.WaitAsync(cancellationToken);

    private async Task WarmAsync()
    {
        try
        {
            // Nothing of this in-process request is a client's: no span may be exported for it.
            using var quiet = SuppressInstrumentationScope.Begin();
            var catalog = services.GetRequiredService<ToolCatalog>();
            var endpoint = services.GetRequiredService<McpGatewayEndpoint>();
            await using var scope = services.CreateAsyncScope();
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            context.Response.Body = Stream.Null;
            var request = new JsonRpcRequest { Id = new RequestId(0), Method = RequestMethods.ToolsList };
            await endpoint.ServeAsync(context, request, catalog.Entries);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Warm-up skipped: {Reason}", e.Message);
        }
    }
}
