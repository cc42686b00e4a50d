namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Teams, distributions and rules: their seed data, and the ripple effects of team membership on distributions.</summary>
public sealed class AdminState
{
    private readonly ChiliPiperState _core;

    internal AdminState(ChiliPiperState core) => _core = core;

    internal void SeedTeams(DateTimeOffset now)
    {
        var team = new Team
        {
            Id = ChiliPiperAdminSeed.EnterpriseTeamId,
            WorkspaceId = ChiliPiperSeed.SalesWorkspaceId,
            Name = "Enterprise AEs",
            CreatedAt = now.AddDays(-90),
            UpdatedAt = now.AddDays(-90),
        };
        team.Members.Add(ChiliPiperSeed.CarolCloserId);
        _core.TeamList.Add(team);
    }

    internal void SeedDistributions(DateTimeOffset now)
    {
        var leads = new Distribution
        {
            Id = ChiliPiperAdminSeed.InboundLeadsDistributionId,
            WorkspaceId = ChiliPiperSeed.SalesWorkspaceId,
            TeamId = ChiliPiperSeed.SalesTeamId,
            Name = "Inbound lead assignment",
            AssignmentType = "Record",
            AssignmentTypeConfig = DistributionView.DefaultConfig("Record"),
            ResetPeriodicity = new JsonObject { ["type"] = "Daily", ["timeZone"] = "America/Chicago" },
            CreatedAt = now.AddDays(-60),
            UpdatedAt = now.AddDays(-60),
        };
        leads.Weights[ChiliPiperSeed.BobSellerId] = 100;
        leads.Weights[ChiliPiperSeed.CarolCloserId] = 50;
        leads.Caps[ChiliPiperSeed.BobSellerId] = 20;
        leads.StateOf(ChiliPiperSeed.BobSellerId);
        leads.StateOf(ChiliPiperSeed.CarolCloserId);
        _core.DistributionList.Add(leads);
    }

    internal void SeedRules(DateTimeOffset now)
    {
        var created = now.AddDays(-45);
        _core.RuleList.Add(Rule(ChiliPiperAdminSeed.EnterpriseUsRuleId, "NonOwnershipRule", ChiliPiperSeed.SalesWorkspaceId,
            "Enterprise leads in the US", created,
            Group("enterprise-us", "and",
                FormCondition("country-us", "Country", "isAnyOf", new JsonArray("US", "United States")),
                FormCondition("size-500", "CompanySize", ">=", 500))));

        _core.RuleList.Add(Rule(ChiliPiperAdminSeed.BrazilRuleId, "NonOwnershipRule", ChiliPiperSeed.SalesWorkspaceId,
            "Leads from Brazil", created,
            Group("brazil", "and", FormCondition("country-br", "Country", "equal", "Brazil"))));

        var owner = Rule(ChiliPiperAdminSeed.AccountOwnerRuleId, "OwnershipRule", ChiliPiperSeed.SalesWorkspaceId,
            "Existing account owner", created,
            new JsonObject
            {
                ["type"] = "OwnershipCondition",
                ["conditionId"] = "account-owner",
                ["ownership"] = new JsonObject { ["source"] = "SF", ["object"] = "MatchedAccount", ["field"] = "OwnerId" },
                ["searchOwnershipBy"] = "CrmIdOrEmail",
            });
        owner.TeamId = ChiliPiperSeed.SalesTeamId;
        _core.RuleList.Add(owner);

        _core.RuleList.Add(Rule(ChiliPiperAdminSeed.SmallCustomerRuleId, "NonOwnershipRule", ChiliPiperSeed.CustomerSuccessWorkspaceId,
            "Customers under 500 employees", created,
            Group("small-customers", "and",
                FormCondition("size-under-500", "CompanySize", "<", 500),
                new JsonObject
                {
                    ["type"] = "SingleParameterCondition",
                    ["conditionId"] = "country-known",
                    ["dataReference"] = FormField("Country"),
                    ["operator"] = "notEmpty",
                })));
    }

    /// <summary>New team members join the team's distributions as active (default weight unless one was set).</summary>
    internal void JoinTeamDistributions(Team team, IEnumerable<string> userIds)
    {
        foreach (var distribution in _core.DistributionList.Where(d => d.TeamId == team.Id))
        {
            foreach (var userId in userIds)
            {
                var state = distribution.StateOf(userId);
                if (state.Type == "Removed")
                {
                    state.Type = "Active";
                    state.ChangedAt = null;
                }
            }
        }
    }

    /// <summary>Users leaving a team stop receiving its distributions' assignments but keep their statistics.</summary>
    internal void LeaveTeamDistributions(Team team, IEnumerable<string> userIds, DateTimeOffset now)
    {
        foreach (var distribution in _core.DistributionList.Where(d => d.TeamId == team.Id))
        {
            foreach (var userId in userIds)
            {
                if (distribution.UserStates.TryGetValue(userId, out var state) && state.Type != "Removed")
                {
                    state.Type = "Removed";
                    state.ChangedAt = now;
                }
            }
        }
    }

    private static RoutingRule Rule(string id, string type, string workspaceId, string name, DateTimeOffset created, JsonObject conditions)
        => new()
        {
            Id = id,
            Type = type,
            WorkspaceId = workspaceId,
            Name = name,
            Conditions = conditions,
            CreatedAt = created,
            UpdatedAt = created,
        };

    private static JsonObject Group(string id, string op, params JsonObject[] conditions) => new()
    {
        ["type"] = "ConditionGroup",
        ["id"] = id,
        ["operator"] = op,
        ["conditions"] = new JsonArray([.. conditions]),
    };

    /// <summary>A condition on a lead form field (Chili Piper data fields, source DF).</summary>
    private static JsonObject FormCondition(string id, string field, string op, JsonNode value) => new()
    {
        ["type"] = "StaticValueCondition",
        ["conditionId"] = id,
        ["dataReference"] = FormField(field),
        ["operator"] = op,
        ["value"] = value,
    };

    private static JsonObject FormField(string field) => new() { ["source"] = "DF", ["object"] = "Form", ["field"] = field };
}
