using Microsoft.AspNetCore.Builder;
using Serverless.Sandbox.ChiliPiper;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox;

public static class SandboxEndpoints
{
    /// <summary>Path prefix that stands in for <c>https://pilotstatus.com.br</c>.</summary>
    public const string PilotStatusPrefix = "/pilotstatus";

    /// <summary>Path prefix that stands in for <c>https://fire.chilipiper.com/api/fire-edge</c>.</summary>
    public const string ChiliPiperPrefix = "/chilipiper/api/fire-edge";

    /// <summary>Maps both vendor twins into an existing application.</summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder app, SandboxState state)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(state);

        app.MapGroup(PilotStatusPrefix).MapPilotStatus(state.PilotStatus);
        app.MapGroup(ChiliPiperPrefix).MapChiliPiper(state.ChiliPiper);
        return app;
    }
}
