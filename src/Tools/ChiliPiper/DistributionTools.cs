namespace Serverless.Tools.ChiliPiper;

/// <summary>Chili Piper distributions: weighted round robins over a team.</summary>
[McpServerToolType]
[Toolset(Toolsets.Distributions)]
public sealed class DistributionTools(DistributionsClient client)
{
    private const int MaxPageSize = 200;

    [McpServerTool(Name = "distribution-list-put", Title = "List distributions", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("List published distributions, optionally by workspace, name text or assignment type. Pages hold up to 200 items by default, so filter. Returns {results, total, page, pageSize}; each item has id, published {distributionId, name, weights, manualCalibration, assignmentTypeConfig, capping, teamRef}, state.userStates (per user type and statistics) and prioritization. Reads only, despite the PUT.")]
    public Task<CallToolResult> ListDistributions(
        [Description("Only distributions in these workspaces.")] string[]? workspaceIds = null,
        [Description("Only distributions whose name contains this text.")] string? name = null,
        [Description("Only distributions that hand out this kind of thing.")] DistributionAssignmentType? assignmentType = null,
        [Description("Paging: page from 0, pageSize 1 to 200 (default 200).")] Pagination? pagination = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject();
            if (AdminArguments.OptionalIds(workspaceIds, nameof(workspaceIds)) is { } workspaces)
            {
                body["workspaceIds"] = AdminArguments.Array(workspaces);
            }

            if (AdminArguments.OptionalText(name) is { } text)
            {
                body["name"] = text;
            }

            if (assignmentType is { } type)
            {
                body["assignmentType"] = type.ToString();
            }

            var paging = Arguments.Paging(pagination, MaxPageSize);
            AdminArguments.AddPaging(body, paging);
            var response = await client.ListDistributionsAsync(body, cancellationToken);
            var (list, bare) = DistributionList.Normalize(response.Body, paging);
            return ToolResults.Success(list, bare
                ? "Chili Piper answered with a bare array; it is returned as results, and total counts the items received."
                : null);
        });

    [McpServerTool(Name = "distribution-create", Title = "Create a distribution", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = true)]
    [Description("Create a distribution over a team and publish it at once. Returns {distributionId}. Not idempotent: a repeat creates a second one.")]
    public Task<CallToolResult> CreateDistribution(
        [Description("Team whose members are assigned (team-list-put).")] string teamId,
        [Description("Workspace id of the team.")] string workspaceId,
        [Description("Display name (nameless ones never show in lists).")] string name,
        [Description("What is distributed and how: {type: Meeting, handling: {type: Flexible, reassignmentType: AnyTeamMember, allowPickingAssignee: false}, limits: {type: MeetingLimitUnset}}, {type: Record, handling: {type: WorkingHours}} or {type: Conversation}.")] JsonElement assignmentTypeConfig,
        [Description("Per-user weights, 0 to 10000 (default 100; 0 takes a user out of rotation).")] UserWeight[]? weights = null,
        [Description("Per-user assignments to count as already given.")] UserCalibration[]? manualCalibration = null,
        [Description("Per-user caps: {userCaps: [{userId, limit}], resetPeriodicity: {type: HourlyRolling|Daily|Weekly|Monthly, timeZone, dayOfWeek (1-7, Weekly)}}.")] JsonElement? capping = null,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var body = new JsonObject
            {
                ["teamId"] = Arguments.NotBlank(teamId, nameof(teamId)),
                ["workspaceId"] = Arguments.NotBlank(workspaceId, nameof(workspaceId)),
                ["name"] = Arguments.NotBlank(name, nameof(name)),
            };
            var config = Arguments.JsonObject(assignmentTypeConfig, nameof(assignmentTypeConfig));
            AdminArguments.RequireType(config, nameof(assignmentTypeConfig));
            body["assignmentTypeConfig"] = config;

            if (weights is { Length: > 0 })
            {
                DistributionArguments.CheckWeights(weights.Select(w => (w?.UserId, (int?)w?.Weight)), nameof(weights));
                body["weights"] = JsonSerializer.SerializeToNode(weights, ToolJsonContext.Default.UserWeightArray);
            }

            if (manualCalibration is { Length: > 0 })
            {
                DistributionArguments.CheckUsers(manualCalibration.Select(c => c?.UserId), nameof(manualCalibration));
                body["manualCalibration"] = JsonSerializer.SerializeToNode(manualCalibration, ToolJsonContext.Default.UserCalibrationArray);
            }

            if (capping is { } caps)
            {
                var cappingNode = Arguments.JsonObject(caps, nameof(capping));
                DistributionArguments.CheckCapping(cappingNode, nameof(capping));
                body["capping"] = cappingNode;
            }

            return ToolResults.Success((await client.CreateDistributionAsync(body, cancellationToken)).Body,
                "Published immediately. Check it with distribution-list-put.");
        });

    [McpServerTool(Name = "distribution-update-v3", Title = "Replace a distribution configuration", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Replace the whole configuration of a distribution and publish it at once. Send everything you want to keep: name, assignmentTypeConfig, and any weights, manualCalibration and capping (left out means cleared, so weights fall back to 100). Read the current one with distribution-list-put first. To nudge weights by an amount, use distribution-adjust-v3 instead.")]
    public Task<CallToolResult> UpdateDistribution(
        [Description("The distribution id (from distribution-list-put).")] string distributionId,
        [Description("The full configuration: {name, assignmentTypeConfig{type,...}, weights?[{userId, weight}], manualCalibration?[{userId, calibration}], capping?}, as for distribution-create.")] JsonElement body,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.NotBlank(distributionId, nameof(distributionId));
            var config = Arguments.JsonObject(body, nameof(body));
            DistributionArguments.CheckFullConfig(config);
            var response = await client.UpdateDistributionV3Async(id, config, cancellationToken);
            return ToolResults.Success(response.Body ?? new JsonObject { ["distributionId"] = id },
                "The previous configuration was replaced and the new one is live.");
        });

    [McpServerTool(Name = "distribution-adjust-v3", Title = "Adjust distribution weights by deltas", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Change weights or manual calibration by an amount, published at once. Values are deltas added to the current ones: old weight 100 plus delta 50 gives 150, and calling again adds 50 more. The current values are read first, so the result lists old, delta and new per user. Never retried automatically. To set exact values use distribution-update-v3.")]
    public Task<CallToolResult> AdjustDistribution(
        [Description("The distribution id (from distribution-list-put).")] string distributionId,
        [Description("Deltas: weights[{userId, weight}] and/or manualCalibration[{userId, calibration}]; each value is added to the current one (negative to lower it).")] JsonElement body,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.NotBlank(distributionId, nameof(distributionId));
            var deltas = Arguments.JsonObject(body, nameof(body));
            var changes = DistributionArguments.ReadDeltas(deltas);

            var (current, unreadable) = await ReadCurrentAsync(id, cancellationToken);
            var rows = changes.Select(c => DistributionArguments.Apply(c, current)).ToArray();
            var response = await client.AdjustDistributionV3Async(id, deltas, cancellationToken);

            var result = new JsonObject
            {
                ["distributionId"] = id,
                ["changes"] = new JsonArray([.. rows]),
            };
            if (response.Body is not null)
            {
                result["distribution"] = response.Body.DeepClone();
            }

            var note = "Applied and published. Each value was added to the current one (new = old + delta); calling again with the same body adds the deltas a second time. To reach an exact value, send target minus current, or use distribution-update-v3.";
            if (current is null)
            {
                note += $" The current values could not be read first ({unreadable}), so old and new are left empty; read them with distribution-list-put.";
            }

            return ToolResults.Success(result, note);
        });

    [McpServerTool(Name = "distribution-delete", Title = "Delete a distribution", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Delete a distribution permanently; the API cannot restore it. Routers and round-robin links that use it stop assigning through it. Check what references it before deleting.")]
    public Task<CallToolResult> DeleteDistribution(
        [Description("The distribution id (from distribution-list-put).")] string distributionId,
        CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () =>
        {
            var id = Arguments.NotBlank(distributionId, nameof(distributionId));
            var response = await client.DeleteDistributionAsync(id, cancellationToken);
            return ToolResults.Success(response.Body ?? new JsonObject { ["distributionId"] = id, ["deleted"] = true });
        });

    /// <summary>
    /// Finds the published configuration before an adjustment so the result can show old and new values. The list has no
    /// id filter, so it pages through. This read only informs the report: when it fails, the adjustment still goes ahead.
    /// </summary>
    private async Task<(JsonObject? Published, string? Reason)> ReadCurrentAsync(string distributionId, CancellationToken cancellationToken)
    {
        const int pageSize = 200;
        const int maxPages = 10;
        try
        {
            for (var page = 0; page < maxPages; page++)
            {
                var response = await client.ListDistributionsAsync(new JsonObject { ["page"] = page, ["pageSize"] = pageSize }, cancellationToken);
                var (list, bare) = DistributionList.Normalize(response.Body, new Pagination(page, pageSize));
                var items = list["results"]!.AsArray();
                if (DistributionList.Find(items, distributionId) is { } found)
                {
                    return (found, null);
                }

                if (bare || items.Count < pageSize)
                {
                    break;
                }
            }

            return (null, "not found among the listed distributions");
        }
        catch (UpstreamException e)
        {
            return (null, $"distribution-list-put failed with HTTP {e.Error.Status}");
        }
    }
}
