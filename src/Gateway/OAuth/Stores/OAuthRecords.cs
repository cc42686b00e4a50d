namespace Serverless.Gateway.OAuth.Stores;

/// <summary>
/// What the authorization server keeps, as plain documents a record store holds by kind and id: registered clients,
/// authorizations (the connections a user approved, with their grant) and tokens (codes, refresh and access tokens).
/// </summary>
public abstract class OAuthRecord
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Changes on every update; an update that read an older value loses (optimistic concurrency).</summary>
    public string ConcurrencyToken { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>OpenIddict's extra properties, as a JSON object.</summary>
    public string? Properties { get; set; }
}

public sealed class OAuthApplicationRecord : OAuthRecord
{
    public const string Kind = "application";

    public string? ApplicationType { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? ClientType { get; set; }
    public string? ConsentType { get; set; }
    public string? DisplayName { get; set; }
    public Dictionary<string, string>? DisplayNames { get; set; }
    public string? JsonWebKeySet { get; set; }
    public List<string> Permissions { get; set; } = [];
    public List<string> PostLogoutRedirectUris { get; set; } = [];
    public List<string> RedirectUris { get; set; } = [];
    public List<string> Requirements { get; set; } = [];
    public Dictionary<string, string> Settings { get; set; } = [];
}

public sealed class OAuthAuthorizationRecord : OAuthRecord, IRevocableRecord
{
    public const string Kind = "authorization";

    public string? ApplicationId { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public List<string> Scopes { get; set; } = [];
    public string? Status { get; set; }
    public string? Subject { get; set; }
    public string? Type { get; set; }
}

public sealed class OAuthTokenRecord : OAuthRecord, IRevocableRecord
{
    public const string Kind = "token";

    public string? ApplicationId { get; set; }
    public string? AuthorizationId { get; set; }
    public DateTimeOffset? CreationDate { get; set; }
    public DateTimeOffset? ExpirationDate { get; set; }
    public string? Payload { get; set; }
    public DateTimeOffset? RedemptionDate { get; set; }
    public string? ReferenceId { get; set; }
    public string? Status { get; set; }
    public string? Subject { get; set; }
    public string? Type { get; set; }
}

public sealed class OAuthScopeRecord : OAuthRecord
{
    public const string Kind = "scope";

    public string? Description { get; set; }
    public Dictionary<string, string>? Descriptions { get; set; }
    public string? DisplayName { get; set; }
    public Dictionary<string, string>? DisplayNames { get; set; }
    public string? Name { get; set; }
    public List<string> Resources { get; set; } = [];
}
