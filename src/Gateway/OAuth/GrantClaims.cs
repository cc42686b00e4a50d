using Serverless.Gateway.Callers;
using Serverless.Gateway.Grants;

namespace Serverless.Gateway.OAuth;

/// <summary>
/// How a grant travels in an access token: the same four values a managed client's settings hold, parsed by the
/// same code, so a token's caller is held to its grant exactly as a client key's is.
/// </summary>
public static class GrantClaims
{
    public const string Numbers = "ps_numbers";
    public const string ChiliPiper = "cp_access";
    public const string Toolsets = "toolsets";
    public const string ReadOnly = "read_only";

    public static Dictionary<string, object> ToClaims(ClientOptions grant)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Numbers] = grant.Numbers?.Trim() ?? "",
            [ChiliPiper] = (grant.ChiliPiper ?? "none").Trim().ToLowerInvariant(),
            [ReadOnly] = grant.ReadOnly,
        };
        if (!string.IsNullOrWhiteSpace(grant.Toolsets))
        {
            claims[Toolsets] = grant.Toolsets.Trim();
        }

        return claims;
    }

    /// <summary>The grant a token carries, or null when its claims do not describe one.</summary>
    public static Grant? FromClaims(string id, Func<string, string?> claim)
    {
        var options = new ClientOptions
        {
            Numbers = claim(Numbers),
            ChiliPiper = claim(ChiliPiper),
            Toolsets = claim(Toolsets),
            ReadOnly = bool.TryParse(claim(ReadOnly), out var readOnly) && readOnly,
        };
        if (options.Numbers is null || options.ChiliPiper is null)
        {
            return null;
        }

        return ClientGrants.Parse(id, options).Grant;
    }
}
