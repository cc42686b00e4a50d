using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Booking.Stores;

namespace Serverless.Functions.Booking;

/// <summary>
/// <see cref="IBookingSessionStore"/> over Durable Entities: every operation schedules
/// <see cref="BookingSessionOrchestration"/>, waits for it and reads the entity's answer from its output.
/// Each call costs an orchestration and an entity round trip through the task hub's storage.
/// </summary>
public sealed class DurableEntityBookingSessionStore(DurableClientSlot clients, ILogger<DurableEntityBookingSessionStore> logger) : IBookingSessionStore
{
    /// <summary>Longest wait for one store operation; past it the operation fails rather than hang the tool call.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public async ValueTask<BookingSession?> GetAsync(string key, CancellationToken cancellationToken) =>
        (await CallAsync(new SessionEntityCall(key, SessionEntityOperationKind.Get, null, 0), cancellationToken)).Session;

    public async ValueTask<bool> TryAddAsync(BookingSession session, CancellationToken cancellationToken) =>
        (await CallAsync(new SessionEntityCall(session.Key, SessionEntityOperationKind.Add, session, 0), cancellationToken)).Done;

    public async ValueTask<bool> TryReplaceAsync(BookingSession replacement, long expectedVersion, CancellationToken cancellationToken) =>
        (await CallAsync(new SessionEntityCall(replacement.Key, SessionEntityOperationKind.Replace, replacement, expectedVersion), cancellationToken)).Done;

    private async Task<SessionEntityAnswer> CallAsync(SessionEntityCall call, CancellationToken cancellationToken)
    {
        var client = clients.Client ?? throw new InvalidOperationException(
            "Booking__Store=DurableEntity: no Durable Task client was offered; the MCP function must bind [DurableClient] and offer it to DurableClientSlot.");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(BookingSessionOrchestration.Name, call, timeout.Token);
        var done = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException(
                $"The booking session call {call.Kind} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage ?? "no detail"}.");
        }

        var answer = done.ReadOutputAs<SessionEntityAnswer>()
            ?? throw new InvalidOperationException($"The booking session call {call.Kind} returned no answer.");

        // The call's history has served its purpose; dropping it keeps the task hub from growing with every call.
        _ = PurgeAsync(client, instanceId);
        return answer;
    }

    private async Task PurgeAsync(DurableTaskClient client, string instanceId)
    {
        try
        {
            await client.PurgeInstanceAsync(instanceId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogDebug(e, "Purging booking session call {InstanceId} failed; the task hub keeps its history", instanceId);
        }
    }
}
