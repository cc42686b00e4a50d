using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Grants;

public enum ChiliPiperAccess
{
    None,
    Read,
    Full,
}

/// <summary>
/// What a managed caller may do, whoever issued it (a configured client key today, an access token later):
/// which Pilot Status numbers (null: all of them, and the tenant), Chili Piper access, which toolsets
/// (null: all) and whether only read-only tools.
/// </summary>
public sealed record Grant(
    IReadOnlySet<string>? Numbers,
    ChiliPiperAccess ChiliPiper,
    IReadOnlySet<string>? Toolsets,
    bool ReadOnly)
{
    public bool AllNumbers => Numbers is null;

    /// <summary>Why this grant excludes the tool whatever the call's arguments, or null when it may be listed and called.</summary>
    public string? Excludes(ToolEntry tool)
    {
        if (Toolsets is not null && !Toolsets.Contains(tool.Toolset))
        {
            return $"toolset '{tool.Toolset}' is not among the granted toolsets ({string.Join(", ", Toolsets.Order(StringComparer.Ordinal))})";
        }

        if (ReadOnly && !tool.ReadOnly)
        {
            return "the grant is read-only and this tool writes";
        }

        if (tool.Upstream == Upstream.ChiliPiper)
        {
            return ChiliPiper switch
            {
                ChiliPiperAccess.None => "the grant has no Chili Piper access",
                ChiliPiperAccess.Read when !tool.ReadOnly => "the grant has read-only Chili Piper access and this tool writes",
                _ => null,
            };
        }

        // A tenant tool acts on the whole account, so only a grant over every number may use it.
        if (tool.KeyScope == KeyScope.Tenant && !AllNumbers)
        {
            return "this tool acts on the whole Pilot Status account, and the grant covers only some numbers (tenant tools need Numbers=*)";
        }

        return Numbers is { Count: 0 } && tool.Upstream == Upstream.PilotStatus ? "the grant covers no Pilot Status number" : null;
    }

    public bool AllowsNumber(string numberId) => Numbers is null || Numbers.Contains(numberId);

    /// <summary>The number a call acts on when it names none: the only granted one.</summary>
    public string? SoleNumber => Numbers is { Count: 1 } ? Numbers.First() : null;

    public override string ToString() =>
        $"numbers: {(Numbers is null ? "*" : string.Join(",", Numbers.Order(StringComparer.Ordinal)))}; chilipiper: {ChiliPiper.ToString().ToLowerInvariant()}; " +
        $"toolsets: {(Toolsets is null ? "all" : string.Join(",", Toolsets.Order(StringComparer.Ordinal)))}; read-only: {(ReadOnly ? "yes" : "no")}";
}

/// <summary>An authenticated managed caller and its grant; <paramref name="Issuer"/> says what vouched for it (e.g. "client-key").</summary>
public sealed record CallerIdentity(string Id, Grant Grant, string Issuer)
{
    public string Describe() => $"grant of client '{Id}' ({Grant})";
}
