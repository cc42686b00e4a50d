namespace Serverless.Tools.ChiliPiper;

/// <summary>Argument checks and body building shared by the workspace, team, distribution and rule tools.</summary>
internal static class AdminArguments
{
    /// <summary>Most id lists are bounded only to keep a single call reviewable.</summary>
    public const int MaxIds = 200;

    /// <summary>The PUT list endpoints take paging as flat body fields, not as a nested object.</summary>
    public static void AddPaging(JsonObject body, Pagination? pagination)
    {
        if (pagination?.Page is { } page)
        {
            body["page"] = page;
        }

        if (pagination?.PageSize is { } size)
        {
            body["pageSize"] = size;
        }
    }

    public static IReadOnlyList<string> UserIds(string[]? userIds, string parameter = "userIds")
    {
        if (userIds is { } given && given.Any(string.IsNullOrWhiteSpace))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must not contain blank ids.");
        }

        return Arguments.Ids(userIds, 1, MaxIds, parameter).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>An optional id list: absent or empty means "no filter"; the vendor refuses an empty array, so it is never sent.</summary>
    public static IReadOnlyList<string>? OptionalIds(string[]? values, string parameter)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        if (values.Any(string.IsNullOrWhiteSpace))
        {
            throw new ToolArgumentException(parameter, $"'{parameter}' must not contain blank ids.");
        }

        return values.Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToArray();
    }

    public static string? OptionalText(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    /// <summary>Union members are told apart by <c>type</c>; without it the vendor answers with a bare decoding failure.</summary>
    public static string RequireType(JsonNode? node, string path)
    {
        if (node is not JsonObject obj || obj["type"] is not JsonValue value || !value.TryGetValue(out string? type) || string.IsNullOrWhiteSpace(type))
        {
            throw new ToolArgumentException(path, $"'{path}' must be an object with a \"type\" field naming its variant.");
        }

        return type;
    }

    /// <summary>
    /// Walks a rule's condition tree: every node needs its <c>type</c>, and a group needs at least one child.
    /// Deeper field rules are left to Chili Piper, which names the offending field itself.
    /// </summary>
    public static void CheckConditions(JsonNode? node, string path)
    {
        var type = RequireType(node, path);
        var children = node!["conditions"];
        if (type == "ConditionGroup" || children is not null)
        {
            if (children is not JsonArray list || list.Count == 0)
            {
                throw new ToolArgumentException(path, $"'{path}.conditions' must be a non-empty array of typed conditions.");
            }

            for (var i = 0; i < list.Count; i++)
            {
                CheckConditions(list[i], $"{path}.conditions[{i}]");
            }
        }
    }

    /// <summary>The dto of rule-create and rule-modify: a typed variant carrying a typed condition tree.</summary>
    public static JsonObject RuleDto(JsonElement dto)
    {
        var body = Arguments.JsonObject(dto, "dto");
        RequireType(body, "dto");
        if (body["conditions"] is null)
        {
            throw new ToolArgumentException("dto", "'dto.conditions' is required: a condition (or ConditionGroup) object with a \"type\".");
        }

        CheckConditions(body["conditions"], "dto.conditions");
        return body;
    }
}
