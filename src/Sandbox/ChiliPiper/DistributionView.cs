namespace Serverless.Sandbox.ChiliPiper;

/// <summary>A distribution as the list endpoint reports it: published configuration, live state and queue order.</summary>
internal static class DistributionView
{
    public static JsonObject From(Distribution distribution, ChiliPiperState state)
    {
        var published = new JsonObject
        {
            ["distributionId"] = distribution.Id,
            ["workspaceId"] = distribution.WorkspaceId,
            ["name"] = distribution.Name,
            ["assignmentTypeConfig"] = distribution.AssignmentTypeConfig?.DeepClone() ?? DefaultConfig(distribution.AssignmentType),
            ["teamRef"] = new JsonObject
            {
                ["id"] = distribution.TeamId,
                ["revision"] = state.FindTeam(distribution.TeamId)?.Revision ?? 1,
            },
            ["weights"] = Entries(distribution.Weights, "weight"),
            ["manualCalibration"] = Entries(distribution.Calibration, "calibration"),
        };
        if (distribution.ResetPeriodicity is not null)
        {
            published["capping"] = new JsonObject
            {
                ["userCaps"] = Entries(distribution.Caps, "limit"),
                ["resetPeriodicity"] = distribution.ResetPeriodicity.DeepClone(),
            };
        }

        published["metadata"] = new SimpleMetadata(
            distribution.CreatedAt, distribution.CreatedBy, distribution.UpdatedAt, distribution.UpdatedBy, distribution.Revision).ToJson();

        return new JsonObject
        {
            ["id"] = distribution.Id,
            ["published"] = published,
            ["state"] = new JsonObject { ["userStates"] = new JsonArray([.. distribution.UserStates.Values.Select(s => UserState(distribution, s))]) },
            ["prioritization"] = Prioritization(distribution),
        };
    }

    /// <summary>What a distribution written without an explicit config behaves as.</summary>
    public static JsonObject DefaultConfig(string assignmentType) => assignmentType switch
    {
        "Record" => new JsonObject { ["type"] = "Record", ["handling"] = new JsonObject { ["type"] = "WorkingHours" } },
        "Conversation" => new JsonObject { ["type"] = "Conversation" },
        _ => new JsonObject
        {
            ["type"] = "Meeting",
            ["handling"] = new JsonObject { ["type"] = "Flexible", ["reassignmentType"] = "AnyTeamMember", ["allowPickingAssignee"] = false },
            ["limits"] = new JsonObject { ["type"] = "MeetingLimitUnset" },
        },
    };

    private static JsonArray Entries(Dictionary<string, int> values, string name)
        => new([.. values.Select(p => (JsonNode)new JsonObject { ["userId"] = p.Key, [name] = p.Value })]);

    private static JsonObject UserState(Distribution distribution, DistributionUserState state)
    {
        var calibration = distribution.Calibration.GetValueOrDefault(state.UserId);
        var total = state.Assigned + calibration;
        var node = new JsonObject
        {
            ["type"] = state.Type,
            ["userId"] = state.UserId,
            ["total"] = total,
            ["statistics"] = new JsonObject
            {
                ["assigned"] = state.Assigned,
                ["cancelled"] = state.Cancelled,
                ["noShow"] = state.NoShow,
                ["reassignedToThis"] = state.ReassignedToThis,
                ["reassignedFromThis"] = state.ReassignedFromThis,
            },
        };

        // Each non-active variant carries the instant it began, under its own name.
        var since = AdminJson.Instant(state.ChangedAt ?? distribution.UpdatedAt);
        switch (state.Type)
        {
            case "Active":
                var weight = Math.Max(distribution.WeightOf(state.UserId), 1);
                node["level"] = new JsonObject
                {
                    ["current"] = total * 100.0 / weight,
                    ["nextAssignmentDelta"] = 100.0 / weight,
                    ["calibrationDelta"] = calibration * 100.0 / weight,
                    ["total"] = (total + 1) * 100.0 / weight,
                };
                break;
            case "Disabled":
                node["disabledAt"] = since;
                break;
            case "Removed":
                node["removedAt"] = since;
                break;
            case "NoLicense":
                node["licenseRemovedAt"] = since;
                break;
        }

        return node;
    }

    private static JsonObject Prioritization(Distribution distribution)
    {
        var eligible = distribution.UserStates.Values
            .Where(s => s.Type == "Active" && distribution.WeightOf(s.UserId) > 0)
            .OrderBy(s => (s.Assigned + distribution.Calibration.GetValueOrDefault(s.UserId) + 1) / (double)distribution.WeightOf(s.UserId))
            .Select(s => JsonValue.Create(s.UserId));
        return new JsonObject
        {
            ["queue"] = new JsonArray([.. eligible]),
            ["onVacation"] = new JsonArray(),
            ["reachedCap"] = new JsonArray([.. distribution.UserStates.Values.Where(s => s.Type == "Capped").Select(s => JsonValue.Create(s.UserId))]),
        };
    }
}
