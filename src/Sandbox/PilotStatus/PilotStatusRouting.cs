using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serverless.Sandbox.Infrastructure;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>Everything a Pilot Status handler needs: the request, the state and the authenticated caller.</summary>
internal sealed record PilotStatusCall(HttpContext Http, PilotStatusState State, PilotStatusCaller Caller)
{
    /// <summary>The caller's number; always set for <see cref="KeyRequirement.Number"/> endpoints.</summary>
    public WhatsAppNumber Number => Caller.Number ?? throw new InvalidOperationException("The endpoint was not mapped as number-scoped.");

    public DateTimeOffset Now => State.Time.GetUtcNow();

    public IQueryCollection Query => Http.Request.Query;

    public string? Route(string name) => SandboxHttp.RouteValue(Http, name);
}

/// <summary>
/// A handler runs in two phases: an optional async read of the request (body parsing, outside the lock) and a
/// synchronous step under the state lock. Keeping awaits out of the lock is what makes the simple lock safe.
/// </summary>
internal delegate IResult PilotStatusHandler(PilotStatusCall call);

internal delegate IResult PilotStatusBodyHandler(PilotStatusCall call, JsonBody body);

internal static class PilotStatusRouting
{
    public static IEndpointConventionBuilder MapPilotStatusOperation(
        this IEndpointRouteBuilder routes, string method, string pattern, KeyRequirement requirement, PilotStatusState state, PilotStatusHandler handler)
        => routes.MapMethods(pattern, [method], async http =>
        {
            IResult result;
            lock (state.Sync)
            {
                result = Authenticate(http, state, requirement, out var call) ?? handler(call!);
            }

            await result.ExecuteAsync(http).ConfigureAwait(false);
        });

    public static IEndpointConventionBuilder MapPilotStatusOperation(
        this IEndpointRouteBuilder routes, string method, string pattern, KeyRequirement requirement, PilotStatusState state, PilotStatusBodyHandler handler)
        => routes.MapMethods(pattern, [method], async http =>
        {
            IResult? result;
            lock (state.Sync)
            {
                result = Authenticate(http, state, requirement, out _);
            }

            if (result is null)
            {
                var body = await SandboxHttp.ReadJsonBodyAsync(http.Request).ConfigureAwait(false);
                lock (state.Sync)
                {
                    // Re-resolve under the same lock as the handler so a concurrently rotated key cannot slip through.
                    result = Authenticate(http, state, requirement, out var call) ?? handler(call!, body);
                }
            }

            await result.ExecuteAsync(http).ConfigureAwait(false);
        });

    private static IResult? Authenticate(HttpContext http, PilotStatusState state, KeyRequirement requirement, out PilotStatusCall? call)
    {
        var failure = PilotStatusAuth.Authenticate(http, state, requirement, out var caller);
        call = caller is null ? null : new PilotStatusCall(http, state, caller);
        return failure;
    }
}
