using System.Text.Json.Serialization;

namespace Serverless.Sandbox.ChiliPiper;

// Wire shapes of the Distro endpoints. Every union is an object with a "type" discriminator.

public sealed record DistroStatusView(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null);

public sealed record DistroTypeView(string Type);

public sealed record DistroFieldUpdateView(string Type, string FieldName);

public sealed record DistroEventTypeView(
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SchedulerId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DistroFieldUpdateView? Expression = null);

public sealed record DistroDelayView(string Type, string Duration);

public sealed record DistroTriggerView(
    DistroTypeView ObjectType,
    IReadOnlyList<DistroEventTypeView> EventTypes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Evaluation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DistroDelayView? Delay);

public sealed record DistroRouterView(string Id, string Name, DistroStatusView Status, DistroTriggerView Trigger)
{
    public static DistroRouterView From(DistroRouter router)
        => new(
            router.Id,
            router.Name,
            new DistroStatusView(router.Status, router.Status == "Error" ? router.StatusMessage ?? "Unknown error" : null),
            new DistroTriggerView(
                new DistroTypeView(router.ObjectType),
                router.EventTypes.Select(e => new DistroEventTypeView(
                    e.Type,
                    e.SchedulerId,
                    e.FieldName is null ? null : new DistroFieldUpdateView("FieldUpdate", e.FieldName))).ToArray(),
                router.Evaluation,
                router.DelayType is null ? null : new DistroDelayView(router.DelayType, router.DelayDuration ?? "PT0S")));
}

public sealed record DistroRouterList(IReadOnlyList<DistroRouterView> Routers);

public sealed record ResourceSchedulerRunView(string RunId, string ResourceSchedulerId, string RouterId, DateTimeOffset StartedAt);
