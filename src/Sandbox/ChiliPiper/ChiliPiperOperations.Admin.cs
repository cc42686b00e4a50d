namespace Serverless.Sandbox.ChiliPiper;

// Workspaces, teams, distributions and rules. Permissions are the published ones where a spec names them; the
// remove-from-all, v3 and delete operations publish none, so they take the verb of their closest sibling.
internal static partial class ChiliPiperOperations
{
    public static readonly ChiliPiperOperation WorkspaceList = new("workspaceList", "workspace.read");
    public static readonly ChiliPiperOperation WorkspaceListUsers = new("workspaceListUsers", "workspace.read");
    public static readonly ChiliPiperOperation WorkspaceAddUsers = new("workspaceAddUsers", "workspace.modify");
    public static readonly ChiliPiperOperation WorkspaceRemoveUsers = new("workspaceRemoveUsers", "workspace.modify");
    public static readonly ChiliPiperOperation WorkspaceRemoveUsersAll = new("workspaceRemoveUsersAll", "workspace.modify");

    public static readonly ChiliPiperOperation TeamListPut = new("teamListPut", "team.read");
    public static readonly ChiliPiperOperation TeamAddUsers = new("teamAddUsers", "team.modify");
    public static readonly ChiliPiperOperation TeamRemoveUsers = new("teamRemoveUsers", "team.modify");
    public static readonly ChiliPiperOperation TeamRemoveUsersAll = new("teamRemoveUsersAll", "team.modify");

    public static readonly ChiliPiperOperation DistributionListPut = new("distributionListPut", "distribution.read");
    public static readonly ChiliPiperOperation DistributionCreate = new("distributionCreate", "distribution.modify");
    public static readonly ChiliPiperOperation DistributionUpdateV3 = new("distributionUpdateV3", "distribution.modify");
    public static readonly ChiliPiperOperation DistributionAdjustV3 = new("distributionAdjustV3", "distribution.modify");
    public static readonly ChiliPiperOperation DistributionDelete = new("distributionDelete", "distribution.remove");

    public static readonly ChiliPiperOperation RuleList = new("ruleList", "rule.read");
    public static readonly ChiliPiperOperation RuleGet = new("ruleGet", "rule.read");
    public static readonly ChiliPiperOperation RuleCreate = new("ruleCreate", "rule.create");
    public static readonly ChiliPiperOperation RuleModify = new("ruleModify", "rule.modify");
    public static readonly ChiliPiperOperation RuleDelete = new("ruleDelete", "rule.remove");
}
