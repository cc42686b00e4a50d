namespace Serverless.Gateway.Callers;

/// <summary>One gateway client, bound from Clients__&lt;id&gt;__* (managed mode).</summary>
public sealed class ClientOptions
{
    public const string Section = "Clients";

    /// <summary>Lower-case hex SHA-256 of the client's key; the key itself is never stored.</summary>
    public string? KeySha256 { get; set; }

    /// <summary>"*" for every number (and the tenant tools), or a comma list of Pilot Status number ids.</summary>
    public string? Numbers { get; set; }

    /// <summary>"full", "read" or "none" (default).</summary>
    public string? ChiliPiper { get; set; }

    /// <summary>Optional comma list of toolset ids; unset means every toolset.</summary>
    public string? Toolsets { get; set; }

    public bool ReadOnly { get; set; }
}
