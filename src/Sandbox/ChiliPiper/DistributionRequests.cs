namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// A distribution configuration as create and update-v3 take it. Union members are checked by their <c>type</c> the way
/// the vendor's decoders check them, so a request the twin accepts has the shape the published schema describes.
/// </summary>
internal sealed record DistributionConfigRequest(
    string? TeamId,
    string? WorkspaceId,
    string? Name,
    JsonObject AssignmentTypeConfig,
    IReadOnlyList<(string UserId, int Value)> Weights,
    IReadOnlyList<(string UserId, int Value)> Calibration,
    IReadOnlyList<(string UserId, int Value)> Caps,
    JsonObject? ResetPeriodicity)
{
    public const int MaxWeight = 10000;

    public string AssignmentType => AssignmentTypeConfig["type"]!.GetValue<string>();

    public static bool TryParse(JsonBody body, out DistributionConfigRequest? request)
    {
        request = null;
        if (!body.IsObject)
        {
            return false;
        }

        var root = body.Root;
        if (!JsonFields.TryGetString(root, "teamId", out var teamId)
            || !JsonFields.TryGetString(root, "workspaceId", out var workspaceId)
            || !JsonFields.TryGetString(root, "name", out var name)
            || !root.TryGetProperty("assignmentTypeConfig", out var config) || !IsAssignmentTypeConfig(config)
            || !TryEntries(root, "weights", "weight", 0, MaxWeight, out var weights)
            || !TryEntries(root, "manualCalibration", "calibration", int.MinValue, int.MaxValue, out var calibration))
        {
            return false;
        }

        IReadOnlyList<(string, int)> caps = [];
        JsonObject? reset = null;
        if (root.TryGetProperty("capping", out var capping) && capping.ValueKind != JsonValueKind.Null)
        {
            if (capping.ValueKind != JsonValueKind.Object
                || !capping.TryGetProperty("resetPeriodicity", out var periodicity) || !IsCappingReset(periodicity)
                || !TryEntries(capping, "userCaps", "limit", 0, int.MaxValue, out caps))
            {
                return false;
            }

            reset = JsonNode.Parse(periodicity.GetRawText())!.AsObject();
        }

        request = new DistributionConfigRequest(
            teamId, workspaceId, name, JsonNode.Parse(config.GetRawText())!.AsObject(), weights, calibration, caps, reset);
        return true;
    }

    /// <summary>Replaces the whole published configuration (team and workspace stay unless the request names a team).</summary>
    public void ApplyTo(Distribution distribution)
    {
        distribution.Name = Name ?? string.Empty;
        distribution.AssignmentType = AssignmentType;
        distribution.AssignmentTypeConfig = AssignmentTypeConfig;
        Replace(distribution.Weights, Weights);
        Replace(distribution.Calibration, Calibration);
        Replace(distribution.Caps, Caps);
        distribution.ResetPeriodicity = ResetPeriodicity;
        if (TeamId is not null)
        {
            distribution.TeamId = TeamId;
        }
    }

    private static void Replace(Dictionary<string, int> target, IReadOnlyList<(string UserId, int Value)> entries)
    {
        target.Clear();
        foreach (var (userId, value) in entries)
        {
            target[userId] = value;
        }
    }

    /// <summary>Reads <c>[{userId, &lt;key&gt;}]</c>; false when malformed, out of range or naming a user twice.</summary>
    internal static bool TryEntries(JsonElement obj, string name, string key, int min, int max, out IReadOnlyList<(string UserId, int Value)> entries)
    {
        entries = [];
        if (!obj.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<(string, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !JsonFields.TryGetString(item, "userId", out var userId) || string.IsNullOrWhiteSpace(userId) || !seen.Add(userId)
                || !item.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.Number
                || !value.TryGetInt32(out var number) || number < min || number > max)
            {
                return false;
            }

            list.Add((userId, number));
        }

        entries = list;
        return true;
    }

    private static bool IsAssignmentTypeConfig(JsonElement config) => TypeOf(config) switch
    {
        "Conversation" => true,
        "Record" => config.TryGetProperty("handling", out var handling) && TypeOf(handling) is "WorkingHours" or "Strict",
        "Meeting" => config.TryGetProperty("handling", out var handling) && IsMeetingHandling(handling)
                     && config.TryGetProperty("limits", out var limits) && IsMeetingLimit(limits),
        _ => false,
    };

    private static bool IsMeetingHandling(JsonElement handling) => TypeOf(handling) switch
    {
        "Flexible" => JsonFields.TryGetString(handling, "reassignmentType", out var reassignment) && reassignment is "SameUser" or "AnyTeamMember"
                      && JsonFields.TryGetBoolean(handling, "allowPickingAssignee", out var picking) && picking is not null,
        "Strict" => JsonFields.TryGetBoolean(handling, "hideAssignee", out var hide) && hide is not null,
        _ => false,
    };

    private static bool IsMeetingLimit(JsonElement limits) => TypeOf(limits) switch
    {
        "MeetingLimitUnset" => true,
        "MeetingLimitSet" => limits.TryGetProperty("resetPeriodicity", out var reset) && TypeOf(reset) is not null
                             && TryEntries(limits, "userCaps", "limit", 0, int.MaxValue, out _),
        _ => false,
    };

    private static bool IsCappingReset(JsonElement reset) => TypeOf(reset) switch
    {
        "HourlyRolling" => true,
        "Daily" or "Monthly" => HasText(reset, "timeZone"),
        "Weekly" => HasText(reset, "timeZone")
                    && reset.TryGetProperty("dayOfWeek", out var day) && day.ValueKind == JsonValueKind.Number
                    && day.TryGetInt32(out var d) && d is >= 1 and <= 7,
        _ => false,
    };

    private static bool HasText(JsonElement obj, string name)
        => JsonFields.TryGetString(obj, name, out var value) && !string.IsNullOrWhiteSpace(value);

    internal static string? TypeOf(JsonElement node)
        => node.ValueKind == JsonValueKind.Object && node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
}

/// <summary>Body of adjust-v3: deltas added to the current weights and calibrations.</summary>
internal sealed record DistributionAdjustRequest(
    IReadOnlyList<(string UserId, int Value)> Weights,
    IReadOnlyList<(string UserId, int Value)> Calibration)
{
    public static bool TryParse(JsonBody body, out DistributionAdjustRequest? request)
    {
        request = null;
        if (!body.IsObject
            || !DistributionConfigRequest.TryEntries(body.Root, "weights", "weight", int.MinValue, int.MaxValue, out var weights)
            || !DistributionConfigRequest.TryEntries(body.Root, "manualCalibration", "calibration", int.MinValue, int.MaxValue, out var calibration)
            || weights.Count + calibration.Count == 0)
        {
            return false;
        }

        request = new DistributionAdjustRequest(weights, calibration);
        return true;
    }
}
