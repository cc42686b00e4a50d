namespace Serverless.Tools.ChiliPiper;

/// <summary>Checks of distribution bodies that Chili Piper would otherwise reject after the fact, or silently misread.</summary>
internal static class DistributionArguments
{
    public const int MaxWeight = 10000;

    /// <summary>A member without a weight entry gets this share.</summary>
    public const int DefaultWeight = 100;

    /// <summary>One additive change: <paramref name="Field"/> is the body array, <paramref name="Key"/> the value's name in it.</summary>
    public sealed record Delta(string UserId, string Field, string Key, int Amount);

    public static void CheckUsers(IEnumerable<string?> userIds, string parameter)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var userId in userIds)
        {
            if (string.IsNullOrWhiteSpace(userId))
            {
                throw new ToolArgumentException(parameter, $"Every entry of '{parameter}' needs a userId.");
            }

            if (!seen.Add(userId))
            {
                throw new ToolArgumentException(parameter, $"'{parameter}' lists user {userId} twice.");
            }
        }
    }

    public static void CheckWeights(IEnumerable<(string? UserId, int? Weight)> weights, string parameter)
    {
        var list = weights.ToArray();
        CheckUsers(list.Select(w => w.UserId), parameter);
        foreach (var (userId, weight) in list)
        {
            if (weight is not { } w || w < 0 || w > MaxWeight)
            {
                throw new ToolArgumentException(parameter, $"The weight of user {userId} in '{parameter}' must be between 0 and {MaxWeight}; got {weight?.ToString() ?? "nothing"}.");
            }
        }
    }

    public static void CheckCapping(JsonObject capping, string parameter)
    {
        AdminArguments.RequireType(capping["resetPeriodicity"], $"{parameter}.resetPeriodicity");
        if (capping["userCaps"] is { } caps && caps is not JsonArray)
        {
            throw new ToolArgumentException(parameter, $"'{parameter}.userCaps' must be an array of {{userId, limit}}.");
        }
    }

    /// <summary>update-v3 replaces everything, so a body without a name would leave a nameless (unlisted) distribution behind.</summary>
    public static void CheckFullConfig(JsonObject body)
    {
        if (body["name"] is not JsonValue name || !name.TryGetValue(out string? text) || string.IsNullOrWhiteSpace(text))
        {
            throw new ToolArgumentException("body", "'body.name' is required: the update replaces the whole configuration, and a nameless distribution disappears from lists.");
        }

        AdminArguments.RequireType(body["assignmentTypeConfig"], "body.assignmentTypeConfig");
        if (body["weights"] is { } weights)
        {
            CheckWeights(Entries(weights, "body.weights", "weight").Select(e => (e.UserId, e.Value)), "body.weights");
        }

        if (body["manualCalibration"] is { } calibration)
        {
            var entries = Entries(calibration, "body.manualCalibration", "calibration");
            CheckUsers(entries.Select(e => e.UserId), "body.manualCalibration");
            if (entries.FirstOrDefault(e => e.Value is null) is { UserId: { } missing })
            {
                throw new ToolArgumentException("body.manualCalibration", $"The entry of user {missing} needs an integer 'calibration'.");
            }
        }

        if (body["capping"] is JsonObject capping)
        {
            CheckCapping(capping, "body.capping");
        }
        else if (body["capping"] is not null)
        {
            throw new ToolArgumentException("body.capping", "'body.capping' must be an object with userCaps and resetPeriodicity.");
        }
    }

    /// <summary>Reads the deltas of an adjust body; each entry must name a user once and carry an integer amount.</summary>
    public static IReadOnlyList<Delta> ReadDeltas(JsonObject body)
    {
        var deltas = new List<Delta>();
        foreach (var (field, key) in new[] { ("weights", "weight"), ("manualCalibration", "calibration") })
        {
            if (body[field] is not { } node)
            {
                continue;
            }

            var path = "body." + field;
            var entries = Entries(node, path, key);
            CheckUsers(entries.Select(e => e.UserId), path);
            foreach (var (userId, value) in entries)
            {
                if (value is not { } amount)
                {
                    throw new ToolArgumentException(path, $"The entry of user {userId} in '{path}' needs an integer '{key}' (the amount to add).");
                }

                deltas.Add(new Delta(userId!, field, key, amount));
            }
        }

        if (deltas.Count == 0)
        {
            throw new ToolArgumentException("body", "'body' needs at least one entry in 'weights' or 'manualCalibration', e.g. {\"weights\":[{\"userId\":\"...\",\"weight\":50}]}.");
        }

        return deltas;
    }

    /// <summary>
    /// One row of the adjustment report. When the current configuration is known, a weight pushed outside 0..10000 is
    /// refused here, before anything is written.
    /// </summary>
    public static JsonObject Apply(Delta delta, JsonObject? published)
    {
        int? old = published is null ? null : Current(published, delta);
        int? updated = old + delta.Amount;
        if (delta.Key == "weight" && updated is { } w && (w < 0 || w > MaxWeight))
        {
            throw new ToolArgumentException("body.weights",
                $"User {delta.UserId} weighs {old} now; adding {delta.Amount} would give {w}, outside 0 to {MaxWeight}. Nothing was changed.");
        }

        return new JsonObject
        {
            ["userId"] = delta.UserId,
            ["field"] = delta.Key,
            ["old"] = old,
            ["delta"] = delta.Amount,
            ["new"] = updated,
        };
    }

    private static int Current(JsonObject published, Delta delta)
    {
        if (published[delta.Field] is JsonArray entries)
        {
            foreach (var entry in entries.OfType<JsonObject>())
            {
                if (Text(entry["userId"]) == delta.UserId)
                {
                    // The operation prose once called the calibration value "count"; accept either spelling on read.
                    return Integer(entry[delta.Key]) ?? Integer(entry["count"]) ?? 0;
                }
            }
        }

        return delta.Key == "weight" ? DefaultWeight : 0;
    }

    private static List<(string? UserId, int? Value)> Entries(JsonNode node, string path, string key)
    {
        if (node is not JsonArray array)
        {
            throw new ToolArgumentException(path, $"'{path}' must be an array of {{userId, {key}}} objects.");
        }

        return array.Select(item => item is JsonObject entry ? (Text(entry["userId"]), Integer(entry[key])) : ((string?)null, (int?)null)).ToList();
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static int? Integer(JsonNode? node) => node is JsonValue value && value.TryGetValue(out int number) ? number : null;
}

/// <summary>The list endpoint has answered both with a bare array and with a paged object; callers always get the object.</summary>
internal static class DistributionList
{
    public static (JsonObject List, bool Bare) Normalize(JsonNode? body, Pagination? paging)
    {
        if (body is JsonArray items)
        {
            return (new JsonObject
            {
                ["results"] = items.DeepClone(),
                ["total"] = items.Count,
                ["page"] = paging?.Page ?? 0,
                ["pageSize"] = paging?.PageSize ?? items.Count,
            }, true);
        }

        var list = body is JsonObject page ? (JsonObject)page.DeepClone() : new JsonObject();
        list["results"] ??= new JsonArray();
        return (list, false);
    }

    /// <summary>The published configuration of the distribution with this id, from a results array.</summary>
    public static JsonObject? Find(JsonArray items, string distributionId)
    {
        foreach (var item in items.OfType<JsonObject>())
        {
            var published = item["published"] as JsonObject;
            if (Matches(item["id"], distributionId) || Matches(published?["distributionId"], distributionId) || Matches(item["distributionId"], distributionId))
            {
                return published ?? item;
            }
        }

        return null;
    }

    private static bool Matches(JsonNode? node, string id) => node is JsonValue value && value.TryGetValue(out string? text) && text == id;
}
