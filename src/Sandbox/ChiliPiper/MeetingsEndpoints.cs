using Microsoft.AspNetCore.Routing;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Meetings: listing, export, cancel and no-show.</summary>
internal static class MeetingsEndpoints
{
    public static IEndpointRouteBuilder MapMeetingsEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state) => routes;
}
