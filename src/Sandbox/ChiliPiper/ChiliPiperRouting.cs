using Microsoft.AspNetCore.Builder;

namespace Serverless.Sandbox.ChiliPiper;

internal sealed record ChiliPiperCall(HttpContext Http, ChiliPiperState State, ChiliPiperApiToken Token)
{
    public DateTimeOffset Now => State.Time.GetUtcNow();

    public IQueryCollection Query => Http.Request.Query;

    public string? Route(string name) => SandboxHttp.RouteValue(Http, name);
}

/// <summary>
/// Handlers run synchronously under the state lock; request bodies are read before taking it, so no await
/// ever happens while the lock is held.
/// </summary>
internal delegate IResult ChiliPiperHandler(ChiliPiperCall call);

internal delegate IResult ChiliPiperBodyHandler(ChiliPiperCall call, JsonBody body);

internal static class ChiliPiperRouting
{
    public static IEndpointConventionBuilder MapChiliPiperOperation(
        this IEndpointRouteBuilder routes, string method, string pattern, ChiliPiperOperation operation, ChiliPiperState state, ChiliPiperHandler handler)
        => routes.MapMethods(pattern, [method], LockedOperation.Create(state.Sync, http => Authorize(http, state, operation), call => handler(call)));

    public static IEndpointConventionBuilder MapChiliPiperOperation(
        this IEndpointRouteBuilder routes, string method, string pattern, ChiliPiperOperation operation, ChiliPiperState state, ChiliPiperBodyHandler handler)
        => routes.MapMethods(pattern, [method], LockedOperation.Create(state.Sync, http => Authorize(http, state, operation), (ChiliPiperCall call, JsonBody body) => handler(call, body)));

    private static (IResult? Refusal, ChiliPiperCall? Call) Authorize(HttpContext http, ChiliPiperState state, ChiliPiperOperation operation)
    {
        var failure = ChiliPiperAuth.Authorize(http, state, operation, out var token);
        return (failure, token is null ? null : new ChiliPiperCall(http, state, token));
    }
}
