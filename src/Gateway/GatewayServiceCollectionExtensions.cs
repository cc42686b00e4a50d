using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Http;
using Serverless.Tools;

namespace Serverless.Gateway;

public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddMcpGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddGatewayTools(configuration);
        services.AddBookingLedger(configuration);
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Gateway:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<McpServerOptionsFactory>();
        services.AddSingleton<McpGatewayEndpoint>();
        return services;
    }

    /// <summary>
    /// Maps the MCP endpoint and its selection routes: {pattern}, {pattern}/readonly,
    /// {pattern}/x/{toolsets} and {pattern}/x/{toolsets}/readonly. Only POST is served; GET and DELETE get 405.
    /// </summary>
    public static IEndpointRouteBuilder MapMcpGateway(this IEndpointRouteBuilder endpoints, string pattern = "/mcp")
    {
        var group = endpoints.MapGroup(pattern);
        Map(group, "", readOnly: false);
        Map(group, "/readonly", readOnly: true);
        Map(group, "/x/{toolsets}", readOnly: false);
        Map(group, "/x/{toolsets}/readonly", readOnly: true);
        return endpoints;
    }

    /// <summary>
    /// Maps a liveness probe that answers "ok" under the same Host and Origin rules as the MCP endpoint, so it
    /// cannot be used to confirm a DNS-rebinding target.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder endpoints, string pattern = "/healthz")
    {
        endpoints.MapGet(pattern, (HttpContext context, IOptionsMonitor<GatewayOptions> options) =>
            HostGuard.Refusal(context.Request, options.CurrentValue) is { } refusal
                ? JsonRpcErrors.WriteAsync(context, StatusCodes.Status403Forbidden, JsonRpcErrors.ServerError, "Forbidden: " + refusal)
                : context.Response.WriteAsync("ok"));
        return endpoints;
    }

    private static void Map(RouteGroupBuilder group, string route, bool readOnly)
    {
        group.MapPost(route, (HttpContext context, McpGatewayEndpoint endpoint) =>
            endpoint.HandlePostAsync(context, context.Request.RouteValues["toolsets"] as string, readOnly));
        group.MapMethods(route, [HttpMethods.Get, HttpMethods.Delete], (HttpContext context) =>
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            return JsonRpcErrors.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, JsonRpcErrors.ServerError,
                "Method Not Allowed: this stateless endpoint serves POST only.");
        });
    }
}
