namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Routing rules with optimistic concurrency: modify and delete must name the current revision.</summary>
internal static class RulesEndpoints
{
    public static IEndpointRouteBuilder MapRulesEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/rule/list", ChiliPiperOperations.RuleList, state, List);
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/rule/{ruleId}", ChiliPiperOperations.RuleGet, state, Get);
        routes.MapChiliPiperOperation(HttpMethods.Post, "/v1/org/rule", ChiliPiperOperations.RuleCreate, state, Create);
        routes.MapChiliPiperOperation(HttpMethods.Put, "/v1/org/rule", ChiliPiperOperations.RuleModify, state, Modify);
        routes.MapChiliPiperOperation(HttpMethods.Delete, "/v1/org/rule", ChiliPiperOperations.RuleDelete, state, Delete);
        return routes;
    }

    private static IResult List(ChiliPiperCall call)
    {
        if (AdminPaging.FromQuery(call.Query, AdminPaging.LargeDefault, AdminPaging.LargeMaximum, out var page) is { } invalid)
        {
            return invalid;
        }

        var workspaceId = Text(call, "workspaceId");
        var name = Text(call, "name");
        var rules = call.State.RuleList
            .Where(r => !r.Deleted)
            .Where(r => workspaceId is null || r.WorkspaceId == workspaceId)
            .Where(r => name is null || r.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return SandboxJson.Result(AdminJson.Page(page.Slice(rules).Select(View), rules.Length, page));
    }

    private static IResult Get(ChiliPiperCall call)
    {
        var ruleId = call.Route("ruleId") ?? string.Empty;
        return call.State.FindRule(ruleId) is { } rule ? SandboxJson.Result(View(rule)) : RuleNotFound(ruleId);
    }

    private static IResult Create(ChiliPiperCall call, JsonBody body)
    {
        if (Decode(body, out var dto) is { } invalid)
        {
            return invalid;
        }

        if (CheckReferences(call.State, dto!) is { } missing)
        {
            return missing;
        }

        var id = string.IsNullOrWhiteSpace(dto!.RuleId) ? SandboxIds.NewUuid() : dto.RuleId;
        if (call.State.RuleList.Exists(r => r.Id == id))
        {
            return ChiliPiperErrors.Json(StatusCodes.Status409Conflict, "RuleAlreadyExists", $"Rule {id} already exists");
        }

        var rule = new RoutingRule
        {
            Id = id,
            Type = dto.RuleType,
            WorkspaceId = dto.WorkspaceId,
            Name = dto.Name,
            Conditions = dto.Conditions,
            TeamId = dto.TeamId,
            CreatedAt = call.Now,
            UpdatedAt = call.Now,
            CreatedBy = AdminJson.Caller(call),
            UpdatedBy = AdminJson.Caller(call),
        };
        call.State.RuleList.Add(rule);
        return SandboxJson.Result(View(rule));
    }

    private static IResult Modify(ChiliPiperCall call, JsonBody body)
    {
        if (Current(call, out var rule) is { } refused)
        {
            return refused;
        }

        if (Decode(body, out var dto) is { } invalid)
        {
            return invalid;
        }

        if (CheckReferences(call.State, dto!) is { } missing)
        {
            return missing;
        }

        // A modify replaces the definition wholesale; nothing of the previous conditions is merged in.
        rule!.Type = dto!.RuleType;
        rule.WorkspaceId = dto.WorkspaceId;
        rule.Name = dto.Name;
        rule.Conditions = dto.Conditions;
        rule.TeamId = dto.TeamId;
        Touch(call, rule);
        return SandboxJson.Result(View(rule));
    }

    private static IResult Delete(ChiliPiperCall call)
    {
        if (Current(call, out var rule) is { } refused)
        {
            return refused;
        }

        // Soft delete: the record stays (and keeps its id taken) but no list, read or router sees it again.
        rule!.Deleted = true;
        Touch(call, rule);
        return Results.Ok();
    }

    /// <summary>Resolves <c>ruleId</c> and checks <c>revision</c> (both query parameters) against the stored rule.</summary>
    private static IResult? Current(ChiliPiperCall call, out RoutingRule? rule)
    {
        rule = null;
        var ruleId = Text(call, "ruleId");
        if (ruleId is null)
        {
            return ChiliPiperErrors.InvalidQuery("ruleId");
        }

        if (!int.TryParse(Text(call, "revision"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision))
        {
            return ChiliPiperErrors.InvalidQuery("revision");
        }

        rule = call.State.FindRule(ruleId);
        if (rule is null)
        {
            return RuleNotFound(ruleId);
        }

        return revision == rule.Revision
            ? null
            : ChiliPiperErrors.Json(StatusCodes.Status409Conflict, "RevisionConflict",
                $"Rule {ruleId} is at revision {rule.Revision}, not {revision}; read it again and retry");
    }

    private static IResult? Decode(JsonBody body, out RuleDto? dto) => RuleDto.TryParse(body, out dto) switch
    {
        RuleDtoProblem.None => null,
        RuleDtoProblem.OwnershipConditionMissingReference => ChiliPiperErrors.Json(StatusCodes.Status400BadRequest,
            "OwnershipConditionMissingReference", "An OwnershipCondition needs an ownership reference {source, object, field}"),
        _ => ChiliPiperErrors.InvalidBody(),
    };

    private static IResult? CheckReferences(ChiliPiperState state, RuleDto dto)
    {
        if (state.FindWorkspace(dto.WorkspaceId) is null)
        {
            return ChiliPiperErrors.WorkspaceNotFound(dto.WorkspaceId);
        }

        return dto.TeamId is { } teamId && state.FindTeam(teamId) is null ? TeamsEndpoints.TeamNotFound(teamId) : null;
    }

    private static void Touch(ChiliPiperCall call, RoutingRule rule)
    {
        rule.Revision++;
        rule.UpdatedAt = call.Now;
        rule.UpdatedBy = AdminJson.Caller(call);
    }

    private static JsonNode View(RoutingRule rule)
    {
        var view = new JsonObject
        {
            ["type"] = rule.Type,
            ["id"] = rule.Id,
            ["workspaceId"] = rule.WorkspaceId,
            ["name"] = rule.Name,
            ["conditions"] = rule.Conditions.DeepClone(),
            ["ruleBuilderVersion"] = rule.RuleBuilderVersion,
            ["metadata"] = new SimpleMetadata(rule.CreatedAt, rule.CreatedBy, rule.UpdatedAt, rule.UpdatedBy, rule.Revision).ToJson(),
        };
        if (rule.TeamId is not null)
        {
            view["teamId"] = rule.TeamId;
        }

        return view;
    }

    private static string? Text(ChiliPiperCall call, string name)
        => call.Query.TryGetValue(name, out var raw) && !string.IsNullOrWhiteSpace(raw.ToString()) ? raw.ToString() : null;

    private static IResult RuleNotFound(string ruleId)
        => ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "RuleNotFound", $"Rule {ruleId} not found");
}
