using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>API keys, subscription, billing, branding, analytics and media.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state) => routes;
}
