using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Secrets;
using Serverless.Gateway.Http;
using Serverless.Gateway.OAuth;
using Serverless.Gateway.OAuth.Server;
using Serverless.Tools;

namespace Serverless.Gateway;

public static class GatewayServiceCollectionExtensions
{
    /// <summary>Registers the endpoint and everything below it; every host calls this one registration.</summary>
    /// <param name="hostDefaults">
    /// Defaults a host sets before configuration is applied (configuration still wins), e.g. the function app
    /// trusting its front end's X-Forwarded-Host.
    /// </param>
    public static IServiceCollection AddMcpGateway(this IServiceCollection services, IConfiguration configuration, Action<GatewayOptions>? hostDefaults = null)
    {
        services.AddGatewayTools(configuration);
        services.AddBookingLedger(configuration);
        var options = services.AddOptions<GatewayOptions>();
        if (hostDefaults is not null)
        {
            options.Configure(hostDefaults);
        }

        options.Bind(configuration.GetSection(GatewayOptions.Section))
            // The platform names the app's own host; it is always one of the hosts served.
            .PostConfigure(o =>
            {
                if (configuration[GatewayOptions.PlatformHostNameKey] is { Length: > 0 } own && !o.AllowedHosts.Contains(own, StringComparer.OrdinalIgnoreCase))
                {
                    o.AllowedHosts = [.. o.AllowedHosts, own];
                }
            })
            .Validate(o => o.MaxRequestBodyBytes > 0, "Gateway:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<CallerResolver>();
        services.AddManagedCredentials(configuration);
        services.AddOAuthResource(configuration);
        services.AddSingleton<McpServerOptionsFactory>();
        services.AddSingleton<McpGatewayEndpoint>();
        return services;
    }

    /// <summary>
    /// Builds and compiles the request path (catalog, schemas, SDK server, serialisation) in the background while
    /// the host starts, so the first client request does not pay for it. Hosts call this; tests need not.
    /// </summary>
    public static IServiceCollection AddGatewayWarmUp(this IServiceCollection services)
    {
        services.AddHostedService<GatewayWarmUp>();
        return services;
    }

    /// <summary>
    /// Maps the MCP endpoint and its selection routes: {pattern}, {pattern}/readonly,
    /// {pattern}/x/{toolsets} and {pattern}/x/{toolsets}/readonly, and each again under {pattern}/search (the search
    /// route). Only POST is served; GET and DELETE get 405.
    /// Also maps the Protected Resource Metadata and the authorization server's paths, which answer only when OAuth is enabled.
    /// </summary>
    public static IEndpointRouteBuilder MapMcpGateway(this IEndpointRouteBuilder endpoints, string pattern = "/mcp")
    {
        // Plain request delegates (services resolved from the request) rather than handlers with injected
        // parameters: those are bound by reflection and code generated at run time, unavailable under Native AOT.
        endpoints.MapMethods(ResourceUrls.MetadataPath + "/{*suffix}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], context =>
            context.RequestServices.GetRequiredService<ProtectedResourceEndpoint>().HandleAsync(context, context.Request.RouteValues["suffix"] as string));
        foreach (var route in OAuthRoutes.All)
        {
            endpoints.Map(route, context => context.RequestServices.GetRequiredService<OAuthServerEndpoint>().HandleAsync(context));
        }

        var group = endpoints.MapGroup(pattern);
        foreach (var (route, readOnly) in McpRoute.Tails)
        {
            Map(group, route, readOnly, search: false);
            Map(group, "/" + McpRoute.SearchSegment + route, readOnly, search: true);
        }

        return endpoints;
    }

    /// <summary>
    /// Maps a liveness probe that answers "ok" under the same Host and Origin rules as the MCP endpoint, so it
    /// cannot be used to confirm a DNS-rebinding target.
    /// </summary>
    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder endpoints, string pattern = "/healthz")
    {
        endpoints.MapGet(pattern, context =>
            HostGuard.Refusal(context.Request, context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue) is { } refusal
                ? JsonRpcErrors.WriteAsync(context, StatusCodes.Status403Forbidden, JsonRpcErrors.ServerError, "Forbidden: " + refusal)
                : context.Response.WriteAsync("ok"));
        return endpoints;
    }

    private static void Map(RouteGroupBuilder group, string route, bool readOnly, bool search)
    {
        group.MapMethods(route, [HttpMethods.Post, HttpMethods.Get, HttpMethods.Delete], context =>
            context.RequestServices.GetRequiredService<McpGatewayEndpoint>().HandleAsync(context, context.Request.RouteValues["toolsets"] as string, readOnly, search));
    }
}
