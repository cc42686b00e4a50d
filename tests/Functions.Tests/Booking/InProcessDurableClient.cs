using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Entities;
using Serverless.Functions.Booking;

namespace Serverless.Functions.Tests.Booking;

/// <summary>
/// A Durable Task client that runs, in this process, the real orchestration and the real entity class, with
/// every input, output and entity state passing through the Durable data converter as JSON. It stands in
/// for the task hub only: no Durable runtime runs here. One entity operation at a time, as the runtime does.
/// </summary>
internal sealed class InProcessDurableClient(TimeProvider time) : DurableTaskClient("in-process")
{
    private readonly DataConverter _converter = JsonDataConverter.Default;
    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrchestrationMetadata> _instances = new(StringComparer.Ordinal);
    private readonly List<(EntityInstanceId Id, string Operation, object? Input, DateTimeOffset At)> _signals = [];
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public int EntityCount
    {
        get
        {
            lock (_states)
            {
                return _states.Count;
            }
        }
    }

    public int Instances
    {
        get
        {
            lock (_instances)
            {
                return _instances.Count;
            }
        }
    }

    public IReadOnlyList<(EntityInstanceId Id, string Operation, object? Input, DateTimeOffset At)> Signals
    {
        get
        {
            lock (_signals)
            {
                return [.. _signals];
            }
        }
    }

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input, StartOrchestrationOptions? options, CancellationToken cancellation = default)
    {
        Assert.Equal(BookingSessionOrchestration.Name, orchestratorName.Name);
        var instanceId = Guid.NewGuid().ToString("N");
        var serializedInput = _converter.Serialize(input);
        var context = new InProcessOrchestrationContext(this, orchestratorName, instanceId, serializedInput, time.GetUtcNow().UtcDateTime);
        var output = await BookingSessionOrchestration.RunAsync(context);
        lock (_instances)
        {
            _instances[instanceId] = new OrchestrationMetadata(orchestratorName.Name, instanceId)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Completed,
                SerializedInput = serializedInput,
                SerializedOutput = _converter.Serialize(output),
                DataConverter = _converter,
            };
        }

        return instanceId;
    }

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        lock (_instances)
        {
            var done = _instances[instanceId];
            return Task.FromResult(getInputsAndOutputs ? done : new OrchestrationMetadata(done.Name, instanceId) { RuntimeStatus = done.RuntimeStatus });
        }
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        lock (_instances)
        {
            return Task.FromResult(new PurgeResult(_instances.Remove(instanceId) ? 1 : 0));
        }
    }

    /// <summary>Runs one operation on the real entity class, through the base class's own dispatch.</summary>
    public async Task<TResult?> RunEntityAsync<TResult>(EntityInstanceId id, string operationName, object? input)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            var state = new JsonState(_converter, Stored(id.Key));
            var operation = new Operation(operationName, new Context(id, this), state, input is null ? null : _converter.Serialize(input), _converter);
            var result = await ((ITaskEntity)new BookingSessionEntity()).RunAsync(operation);
            lock (_states)
            {
                if (state.Serialized is null)
                {
                    _states.Remove(id.Key);
                }
                else
                {
                    _states[id.Key] = state.Serialized;
                }
            }

            // The answer travels back to the orchestration as JSON too.
            return result is null ? default : _converter.Deserialize<TResult>(_converter.Serialize(result));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Delivers the signals whose time has come, as the runtime would.</summary>
    public async Task DeliverDueSignalsAsync()
    {
        List<(EntityInstanceId Id, string Operation, object? Input, DateTimeOffset At)> due;
        lock (_signals)
        {
            due = [.. _signals.Where(s => s.At <= time.GetUtcNow())];
            _signals.RemoveAll(s => s.At <= time.GetUtcNow());
        }

        foreach (var signal in due)
        {
            await RunEntityAsync<object>(signal.Id, signal.Operation, signal.Input);
        }
    }

    private string? Stored(string key)
    {
        lock (_states)
        {
            return _states.TryGetValue(key, out var value) ? value : null;
        }
    }

    private void Signal(EntityInstanceId id, string operation, object? input, DateTimeOffset at)
    {
        lock (_signals)
        {
            _signals.Add((id, operation, input, at));
        }
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class JsonState(DataConverter converter, string? serialized) : TaskEntityState
    {
        public string? Serialized { get; private set; } = serialized;

        public override bool HasState => Serialized is not null;

        public override object? GetState(Type type) => Serialized is null ? null : converter.Deserialize(Serialized, type);

        public override void SetState(object? state) => Serialized = state is null ? null : converter.Serialize(state);
    }

    private sealed class Context(EntityInstanceId id, InProcessDurableClient client) : TaskEntityContext
    {
        public override EntityInstanceId Id => id;

        public override void SignalEntity(EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null) =>
            client.Signal(id, operationName, input, options?.SignalTime ?? DateTimeOffset.MinValue);

        public override string ScheduleNewOrchestration(TaskName name, object? input = null, StartOrchestrationOptions? options = null) => throw new NotSupportedException();
    }

    private sealed class Operation(string name, TaskEntityContext context, TaskEntityState state, string? input, DataConverter converter) : TaskEntityOperation
    {
        public override string Name => name;

        public override TaskEntityContext Context => context;

        public override TaskEntityState State => state;

        public override bool HasInput => input is not null;

        public override object? GetInput(Type inputType) => input is null ? null : converter.Deserialize(input, inputType);
    }
}
