namespace Serverless.Sandbox.ChiliPiper;

/// <summary>How a rule definition failed to decode: a plain decoding failure, or the vendor's typed ownership error.</summary>
internal enum RuleDtoProblem
{
    None,
    Malformed,
    OwnershipConditionMissingReference,
}

/// <summary>
/// The <c>dto</c> of rule create and modify: <c>CreateRuleRequest</c> (a NonOwnershipRule) or
/// <c>CreateOwnershipRuleRequest</c> (an OwnershipRule), with a condition tree in which every node names its type.
/// </summary>
internal sealed record RuleDto(string RuleType, string WorkspaceId, string Name, JsonObject Conditions, string? TeamId, string? RuleId)
{
    private static readonly HashSet<string> Sources = ["SF", "DF", "CP", "HS", "MK"];

    private static readonly HashSet<string> Operators =
    [
        "<", ">", "<=", ">=", "startsWithAnyOf", "endsWithAnyOf", "isAnyOf", "isNotAnyOf", "equal", "notEqual",
        "contains", "doesNotContain", "containsAnyOf", "containsNoneOf", "startsWith", "endsWith",
    ];

    private static readonly HashSet<string> SingleOperators = ["empty", "notEmpty"];

    /// <summary>Reads <c>{dto: {...}}</c>; a body that is the dto itself is accepted too, since modify's wire form is unpublished.</summary>
    public static RuleDtoProblem TryParse(JsonBody body, out RuleDto? dto)
    {
        dto = null;
        if (!body.IsObject)
        {
            return RuleDtoProblem.Malformed;
        }

        var root = body.Root;
        if (root.TryGetProperty("dto", out var wrapped))
        {
            root = wrapped;
        }

        var ruleType = DistributionConfigRequest.TypeOf(root) switch
        {
            "CreateRuleRequest" => "NonOwnershipRule",
            "CreateOwnershipRuleRequest" => "OwnershipRule",
            _ => null,
        };
        if (ruleType is null
            || !JsonFields.TryGetString(root, "workspaceId", out var workspaceId) || string.IsNullOrWhiteSpace(workspaceId)
            || !JsonFields.TryGetString(root, "name", out var name) || name is null
            || !JsonFields.TryGetString(root, "ruleId", out var ruleId)
            || !JsonFields.TryGetString(root, "teamId", out var teamId)
            || !root.TryGetProperty("conditions", out var conditions))
        {
            return RuleDtoProblem.Malformed;
        }

        var problem = Check(conditions, ownershipAllowed: ruleType == "OwnershipRule");
        if (problem != RuleDtoProblem.None)
        {
            return problem;
        }

        dto = new RuleDto(ruleType, workspaceId, name, JsonNode.Parse(conditions.GetRawText())!.AsObject(),
            ruleType == "OwnershipRule" ? teamId : null, ruleId);
        return RuleDtoProblem.None;
    }

    private static RuleDtoProblem Check(JsonElement node, bool ownershipAllowed)
    {
        var ok = DistributionConfigRequest.TypeOf(node) switch
        {
            "ConditionGroup" => HasText(node, "id")
                && JsonFields.TryGetString(node, "operator", out var op) && op is "and" or "or"
                && node.TryGetProperty("conditions", out var children) && children.ValueKind == JsonValueKind.Array && children.GetArrayLength() > 0
                ? CheckAll(children, ownershipAllowed)
                : RuleDtoProblem.Malformed,
            "StaticValueCondition" => Verdict(HasText(node, "conditionId") && IsReference(node, "dataReference")
                && IsOperator(node, Operators) && node.TryGetProperty("value", out _)),
            "SingleParameterCondition" => Verdict(HasText(node, "conditionId") && IsReference(node, "dataReference")
                && IsOperator(node, SingleOperators)),
            "EvaluableCondition" => Verdict(HasText(node, "conditionId") && IsReference(node, "dataReference")
                && IsOperator(node, Operators) && node.TryGetProperty("evaluable", out var evaluable) && DistributionConfigRequest.TypeOf(evaluable) is not null),
            "ValueCondition" => Verdict(HasText(node, "conditionId") && IsReference(node, "lhsReference")
                && IsOperator(node, Operators) && IsReference(node, "rhsReference")),
            "ObjectExistsCondition" => Verdict(HasText(node, "conditionId")
                && node.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.Object
                && JsonFields.TryGetString(reference, "source", out var source) && source is not null && Sources.Contains(source)
                && JsonFields.TryGetBoolean(node, "exists", out var exists) && exists is not null),
            "OwnershipCondition" when ownershipAllowed => !HasText(node, "conditionId") ? RuleDtoProblem.Malformed
                : !node.TryGetProperty("ownership", out var ownership) || ownership.ValueKind == JsonValueKind.Null ? RuleDtoProblem.OwnershipConditionMissingReference
                : Verdict(IsReference(node, "ownership")),
            _ => RuleDtoProblem.Malformed,
        };
        return ok;
    }

    private static RuleDtoProblem CheckAll(JsonElement children, bool ownershipAllowed)
    {
        foreach (var child in children.EnumerateArray())
        {
            var problem = Check(child, ownershipAllowed);
            if (problem != RuleDtoProblem.None)
            {
                return problem;
            }
        }

        return RuleDtoProblem.None;
    }

    private static RuleDtoProblem Verdict(bool ok) => ok ? RuleDtoProblem.None : RuleDtoProblem.Malformed;

    private static bool HasText(JsonElement node, string name)
        => JsonFields.TryGetString(node, name, out var value) && !string.IsNullOrWhiteSpace(value);

    private static bool IsOperator(JsonElement node, HashSet<string> allowed)
        => JsonFields.TryGetString(node, "operator", out var op) && op is not null && allowed.Contains(op);

    private static bool IsReference(JsonElement node, string name)
        => node.TryGetProperty(name, out var reference) && reference.ValueKind == JsonValueKind.Object
           && JsonFields.TryGetString(reference, "source", out var source) && source is not null && Sources.Contains(source)
           && HasText(reference, "object") && HasText(reference, "field");
}
