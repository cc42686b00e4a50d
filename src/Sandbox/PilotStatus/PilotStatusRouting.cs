using Microsoft.AspNetCore.Builder;

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
/// A handler runs synchronously under the state lock; a body handler gets the body already read outside it
/// (see <see cref="Infrastructure.LockedOperation"/>).
/// </summary>
internal delegate IResult PilotStatusHandler(PilotStatusCall call);

internal delegate IResult PilotStatusBodyHandler(PilotStatusCall call, JsonBody body);

internal static class PilotStatusRouting
{
    public static IEndpointConventionBuilder MapPilotStatusOperation(
        this IEndpointRouteBuilder routes, string method, string pattern, KeyRequirement requirement, PilotStatusState state, PilotStatusHandler handler)
        => routes.MapMethods(pattern, [method], LockedOperation.Create(state.Sync, http => Authenticate(http, state, requirement), call => handler(call)));

    public static IEndpointConventionBuilder MapPilotStatusOperation(
        this IEndpointRouteBuilder routes, string method, string pattern, KeyRequirement requirement, PilotStatusState state, PilotStatusBodyHandler handler)
        => routes.MapMethods(pattern, [method], LockedOperation.Create(state.Sync, http => Authenticate(http, state, requirement), (PilotStatusCall call, JsonBody body) => handler(call, body)));

    private static (IResult? Refusal, PilotStatusCall? Call) Authenticate(HttpContext http, PilotStatusState state, KeyRequirement requirement)
    {
        // Every request sees time-driven state brought up to date first, as the real API would show it.
        state.Tick(state.Time.GetUtcNow());
        var failure = PilotStatusAuth.Authenticate(http, state, requirement, out var caller);
        return (failure, caller is null ? null : new PilotStatusCall(http, state, caller));
    }
}
