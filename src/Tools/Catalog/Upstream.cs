namespace Serverless.Tools.Catalog;

/// <summary>The SaaS APIs the gateway fronts.</summary>
public enum Upstream
{
    PilotStatus,
    ChiliPiper,
}

public static class UpstreamNames
{
    public static string DisplayName(this Upstream upstream) => upstream switch
    {
        Upstream.PilotStatus => "Pilot Status",
        Upstream.ChiliPiper => "Chili Piper",
        _ => upstream.ToString(),
    };
}
