using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Serverless.Functions.Tests.Booking;

/// <summary>
/// Just enough of an orchestration context for the booking session orchestration: its input, its clock and
/// entity calls, which <see cref="InProcessDurableClient"/> runs on the real entity. Everything else is refused.
/// </summary>
internal sealed class InProcessOrchestrationContext(
    InProcessDurableClient client, TaskName name, string instanceId, string? serializedInput, DateTime now) : TaskOrchestrationContext
{
    private readonly DataConverter _converter = JsonDataConverter.Default;

    public override TaskName Name => name;

    public override string InstanceId => instanceId;

    public override ParentOrchestrationInstance? Parent => null;

    public override DateTime CurrentUtcDateTime => now;

    public override bool IsReplaying => false;

    public override TaskOrchestrationEntityFeature Entities => new EntityFeature(client);

    protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

    public override T GetInput<T>() => serializedInput is null ? default! : _converter.Deserialize<T>(serializedInput)!;

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) => throw new NotSupportedException();

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => throw new NotSupportedException();

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override void SetCustomStatus(object? customStatus) => throw new NotSupportedException();

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) => throw new NotSupportedException();

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    public override Guid NewGuid() => throw new NotSupportedException();

    private sealed class EntityFeature(InProcessDurableClient client) : TaskOrchestrationEntityFeature
    {
        public override Task<TResult> CallEntityAsync<TResult>(EntityInstanceId id, string operationName, object? input = null, CallEntityOptions? options = null) =>
            client.RunEntityAsync<TResult>(id, operationName, input)!;

        public override Task CallEntityAsync(EntityInstanceId id, string operationName, object? input = null, CallEntityOptions? options = null) =>
            client.RunEntityAsync<object>(id, operationName, input);

        public override Task SignalEntityAsync(EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null) => throw new NotSupportedException();

        public override Task<IAsyncDisposable> LockEntitiesAsync(IEnumerable<EntityInstanceId> entityIds) => throw new NotSupportedException();

        public override bool InCriticalSection([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyList<EntityInstanceId>? entityIds) => throw new NotSupportedException();
    }
}
