using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serverless.Sandbox.Infrastructure;

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
        => routes.MapMethods(pattern, [method], async http =>
        {
            IResult result;
            lock (state.Sync)
            {
                result = ChiliPiperAuth.Authorize(http, state, operation, out var token)
                    ?? handler(new ChiliPiperCall(http, state, token!));
            }

            await result.ExecuteAsync(http).ConfigureAwait(false);
        });

    public static IEndpointConventionBuilder MapChiliPiperOperation(
        this IEndpointRouteBuilder routes, string method, string pattern, ChiliPiperOperation operation, ChiliPiperState state, ChiliPiperBodyHandler handler)
        => routes.MapMethods(pattern, [method], async http =>
        {
            IResult? result;
            lock (state.Sync)
            {
                result = ChiliPiperAuth.Authorize(http, state, operation, out _);
            }

            if (result is null)
            {
                var body = await SandboxHttp.ReadJsonBodyAsync(http.Request).ConfigureAwait(false);
                lock (state.Sync)
                {
                    result = ChiliPiperAuth.Authorize(http, state, operation, out var token)
                        ?? handler(new ChiliPiperCall(http, state, token!), body);
                }
            }

            await result.ExecuteAsync(http).ConfigureAwait(false);
        });
}
