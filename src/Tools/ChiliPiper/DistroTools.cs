namespace Serverless.Tools.ChiliPiper;

/// <summary>Distro: the routers that assign CRM records, and running a scheduled one on demand.</summary>
[McpServerToolType]
[Toolset(Toolsets.Distro)]
public sealed class DistroTools(DistroClient client)
{
    [McpServerTool(Name = "distro-list-routers", Title = "List Distro routers", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List every Distro router of the org (no filters): {routers[{id, name, status{type: Active|Inactive|Activating|Deactivating|Error}, trigger{objectType, eventTypes[], evaluation, delay}}]}. An event type with type Scheduled carries schedulerId, the id resource-scheduler-run takes.")]
    public Task<CallToolResult> ListRouters(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () => ToolResults.Success((await client.ListDistroRoutersAsync(cancellationToken)).Body));

    [McpServerTool(Name = "resource-scheduler-run", Title = "Run a scheduled Distro router now", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Run a Distro router with a Scheduled trigger now instead of waiting for its schedule: its query runs and every matched CRM record goes through the router, which can change record owners in the CRM. Takes the schedulerId from distro-list-routers. Not retried; running twice routes the records twice.")]
    public Task<CallToolResult> RunScheduler(
        [Description("The schedulerId of a Scheduled trigger, from distro-list-routers (a UUID).")] string resourceSchedulerId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.Uuid(resourceSchedulerId, nameof(resourceSchedulerId),
                "Use the schedulerId of a Scheduled event type from distro-list-routers.");
            var response = await client.RunResourceSchedulerAsync(id, cancellationToken);
            return ToolResults.Success(response.Body ?? new JsonObject { ["resourceSchedulerId"] = id, ["started"] = true });
        });
}
