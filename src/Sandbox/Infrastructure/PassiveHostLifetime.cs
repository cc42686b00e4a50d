using Microsoft.Extensions.Hosting;

namespace Serverless.Sandbox.Infrastructure;

/// <summary>
/// Host lifetime that neither listens for console signals nor prints banners; the owner of
/// <see cref="SandboxServer"/> decides when it stops by disposing it.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
