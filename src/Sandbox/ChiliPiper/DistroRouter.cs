namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// One entry of a Distro trigger's <c>eventTypes</c>: <c>NewRecord</c>, <c>UpdateField</c>, <c>NewRecordOrUpdateField</c>,
/// <c>Signal</c> or <c>Scheduled</c>.
/// </summary>
/// <param name="SchedulerId">Set for <c>Scheduled</c>: the id a resource-scheduler run takes.</param>
/// <param name="FieldName">Set for the field-update kinds: the CRM field whose change fires the router.</param>
public sealed record DistroTriggerEvent(string Type, string? SchedulerId = null, string? FieldName = null);

/// <summary>A Distro router: a trigger on a CRM object that sends matching records through a distribution.</summary>
public sealed class DistroRouter
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string WorkspaceId { get; init; }

    /// <summary><c>Active</c>, <c>Inactive</c>, <c>Activating</c>, <c>Deactivating</c> or <c>Error</c>.</summary>
    public string Status { get; set; } = "Inactive";

    /// <summary>Why the router is in <c>Error</c>; null otherwise.</summary>
    public string? StatusMessage { get; set; }

    /// <summary>The CRM object it routes, e.g. <c>Lead</c>, <c>Contact</c>, <c>Account</c>.</summary>
    public required string ObjectType { get; init; }

    public required IReadOnlyList<DistroTriggerEvent> EventTypes { get; init; }

    public string? Evaluation { get; init; }

    /// <summary><c>BeforeRecordEval</c> or <c>AfterRecordEval</c>, with <see cref="DelayDuration"/>; null for no delay.</summary>
    public string? DelayType { get; init; }

    /// <summary>ISO-8601 duration such as <c>PT5M</c>.</summary>
    public string? DelayDuration { get; init; }

    /// <summary>The distribution matched records are assigned through.</summary>
    public string? DistributionId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? SchedulerId => EventTypes.FirstOrDefault(e => e.Type == "Scheduled")?.SchedulerId;
}

/// <summary>An on-demand run of a Scheduled trigger, recorded so tests and demos can see it happened.</summary>
public sealed record ResourceSchedulerRun(string RunId, string ResourceSchedulerId, string RouterId, DateTimeOffset StartedAt);
