using Microsoft.AspNetCore.Builder;

namespace Serverless.Sandbox.Infrastructure;

/// <summary>
/// The twin answers only requests addressed to a loopback name. It holds demo keys and state anyone could change,
/// so a page in a browser must not reach it by DNS rebinding, whatever interface it listens on.
/// </summary>
internal static class LoopbackHostCheck
{
    private static readonly string[] Allowed = ["localhost", "127.0.0.1", "::1", "[::1]"];

    public static void UseLoopbackHostCheck(this WebApplication app) => app.Use(async (context, next) =>
    {
        var host = context.Request.Host.Host;
        if (!Allowed.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync($"Host '{context.Request.Host.Value}' is not allowed: the sandbox answers only localhost, 127.0.0.1 and [::1].");
            return;
        }

        await next(context);
    });
}
