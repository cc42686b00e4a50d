using System.Text.Json.Serialization;

namespace Serverless.Sandbox.ChiliPiper;

// Wire shapes of the Edge API. Optional members are omitted rather than sent as null, as the vendor's
// schemas mark them optional instead of nullable.

public sealed record ChiliPiperError(
    string ErrorCode,
    string ErrorMessage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Arguments = null);

public sealed record TenantData(string TenantId, string Cluster, string Subdomain);

public sealed record TenantInfoResponse(string Type, TenantData TenantData, IReadOnlyList<string> Domains);

public sealed record UserResponse(
    string Id,
    string Name,
    string Email,
    bool IsSuperAdmin,
    UserLicenses Licenses,
    IReadOnlyList<string> Workspaces,
    IReadOnlyList<string> ManagedWorkspaces,
    IReadOnlyList<string> ManagedTeams,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SalesforceLink? Salesforce,
    string Slug,
    string TimeZone,
    IReadOnlyList<WorkingHoursRange> WorkingHours)
{
    public static UserResponse From(ChiliPiperUser user)
        => new(
            user.Id,
            user.Name,
            user.Email,
            user.IsSuperAdmin,
            user.Licenses,
            user.Workspaces.ToArray(),
            user.ManagedWorkspaces.ToArray(),
            user.ManagedTeams.ToArray(),
            user.Salesforce,
            user.Slug,
            user.TimeZone,
            user.WorkingHours);
}

public sealed record UserPage(IReadOnlyList<UserResponse> Results, long Total, long Page, long PageSize);
