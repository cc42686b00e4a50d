namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Fixed ids of the demo org's extra teams, distributions and routing rules (beyond <see cref="ChiliPiperSeed"/>).</summary>
public static class ChiliPiperAdminSeed
{
    /// <summary>Who created the seeded records, in the vendor's caller-reference form.</summary>
    public const string SeedCaller = "user/" + ChiliPiperSeed.AliceAdminId;

    /// <summary>Sales workspace team with Carol only, so Bob can be added to it.</summary>
    public const string EnterpriseTeamId = "c3000000-0000-4000-8000-000000000003";

    /// <summary>Record (lead) distribution over the Sales team: Bob 100, Carol 50, Bob capped at 20 a day.</summary>
    public const string InboundLeadsDistributionId = "d4000000-0000-4000-8000-000000000003";

    /// <summary>Sales NonOwnershipRule: Country is any of US / United States and CompanySize &gt;= 500.</summary>
    public const string EnterpriseUsRuleId = "e5000000-0000-4000-8000-000000000001";

    /// <summary>Sales NonOwnershipRule: Country equals Brazil.</summary>
    public const string BrazilRuleId = "e5000000-0000-4000-8000-000000000002";

    /// <summary>Sales OwnershipRule over the Sales team: the matched Salesforce account's owner.</summary>
    public const string AccountOwnerRuleId = "e5000000-0000-4000-8000-000000000003";

    /// <summary>Customer Success NonOwnershipRule: CompanySize &lt; 500 and Country not empty.</summary>
    public const string SmallCustomerRuleId = "e5000000-0000-4000-8000-000000000004";
}
