using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>WhatsApp numbers: listing, creation, connection, pairing and checks.</summary>
internal static class NumbersEndpoints
{
    public static IEndpointRouteBuilder MapNumbersEndpoints(this IEndpointRouteBuilder routes, PilotStatusState state) => routes;
}
