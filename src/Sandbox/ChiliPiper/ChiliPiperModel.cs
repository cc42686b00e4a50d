using System.Text.Json.Serialization;

namespace Serverless.Sandbox.ChiliPiper;

public sealed class ChiliPiperTenant
{
    /// <summary>Tenant type discriminator; API tokens always belong to an <c>Organization</c> here.</summary>
    public string Type { get; init; } = "Organization";

    public required string TenantId { get; init; }

    public required string Cluster { get; init; }

    /// <summary>Used to build public router URLs.</summary>
    public required string Subdomain { get; init; }

    public required IReadOnlyList<string> Domains { get; init; }
}

public sealed class Workspace
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string? Emoji { get; set; }

    public string? Logo { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Caller reference in the vendor's <c>$type/$id</c> form, e.g. <c>user/&lt;uuid&gt;</c>.</summary>
    public required string CreatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public int Revision { get; set; } = 1;
}

/// <summary>A user's product seats. The API replaces the whole set on update, so it is immutable here too.</summary>
public sealed record UserLicenses(
    bool ChiliCalOrg,
    bool Handoff,
    bool Distro,
    bool Concierge,
    bool ConciergeLive,
    bool Chat,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tier = null)
{
    /// <summary>Licence keys as spelled on the wire (also the values accepted by invite's <c>licenses</c> array).</summary>
    public static IReadOnlyList<string> Names { get; } = ["chiliCalOrg", "handoff", "distro", "concierge", "conciergeLive", "chat"];

    public static UserLicenses None { get; } = new(false, false, false, false, false, false);

    public bool Has(string name) => name switch
    {
        "chiliCalOrg" => ChiliCalOrg,
        "handoff" => Handoff,
        "distro" => Distro,
        "concierge" => Concierge,
        "conciergeLive" => ConciergeLive,
        "chat" => Chat,
        _ => false,
    };

    public static UserLicenses FromNames(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        return new UserLicenses(
            set.Contains("chiliCalOrg"),
            set.Contains("handoff"),
            set.Contains("distro"),
            set.Contains("concierge"),
            set.Contains("conciergeLive"),
            set.Contains("chat"));
    }
}

/// <summary>One weekly availability block in the user's own time zone.</summary>
/// <param name="DayOfWeek">English day name, e.g. <c>Monday</c>.</param>
/// <param name="Start">Local start time <c>HH:mm</c>.</param>
/// <param name="End">Local end time <c>HH:mm</c>.</param>
public sealed record WorkingHoursRange(string DayOfWeek, string Start, string End);

public sealed record SalesforceLink(string Email, string Id);

public sealed class ChiliPiperUser
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public bool IsSuperAdmin { get; set; }

    public UserLicenses Licenses { get; set; } = UserLicenses.None;

    /// <summary>Workspace membership; the single source of truth for "who is in a workspace".</summary>
    public List<string> Workspaces { get; } = [];

    public List<string> ManagedWorkspaces { get; } = [];

    public List<string> ManagedTeams { get; } = [];

    public List<string> Roles { get; } = [];

    public required string Slug { get; set; }

    /// <summary>IANA zone the working hours are expressed in.</summary>
    public required string TimeZone { get; set; }

    public required IReadOnlyList<WorkingHoursRange> WorkingHours { get; set; }

    public SalesforceLink? Salesforce { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when the user was created through the invite endpoint.</summary>
    public DateTimeOffset? InvitedAt { get; init; }

    public bool InviteEmailSent { get; init; }
}

/// <summary>An Edge API access token and the section.verb permissions chosen when it was generated.</summary>
public sealed class ChiliPiperApiToken
{
    public required string Token { get; init; }

    public required string Name { get; init; }

    /// <summary>Exact names (<c>user.read</c>), <c>*</c> for everything, or <c>*.verb</c> for one verb in every section.</summary>
    public required IReadOnlyList<string> Permissions { get; init; }

    public bool HasPermission(string permission)
        => Permissions.Any(granted => granted == "*"
            || string.Equals(granted, permission, StringComparison.Ordinal)
            || (granted.StartsWith("*.", StringComparison.Ordinal) && permission.EndsWith(granted[1..], StringComparison.Ordinal)));
}
