namespace Serverless.Tools.Upstreams;

/// <summary>
/// The credentials of the caller behind the current request (one instance per request scope). The
/// values are secrets: nothing prints them, and <see cref="ToString"/> says only which are present.
/// </summary>
public sealed class CallerCredentials
{
    public string? PilotStatusApiKey { get; set; }

    public string? PilotStatusApiKeyId { get; set; }

    public string? WhatsAppNumberId { get; set; }

    public string? ChiliPiperToken { get; set; }

    /// <summary>
    /// Managed mode: the deployment's keys for this call, chosen by the gateway. When set, the typed clients
    /// use it instead of the values above, and re-read it once when the upstream answers 401.
    /// </summary>
    public IManagedCredentials? Managed { get; set; }

    public bool Has(Upstream upstream) => upstream switch
    {
        Upstream.PilotStatus => !string.IsNullOrEmpty(PilotStatusApiKey) || !string.IsNullOrEmpty(PilotStatusApiKeyId),
        Upstream.ChiliPiper => !string.IsNullOrEmpty(ChiliPiperToken),
        _ => false,
    };

    public bool HasAny => Has(Upstream.PilotStatus) || Has(Upstream.ChiliPiper);

    public override string ToString() => Managed is not null
        ? "CallerCredentials(managed)"
        : $"CallerCredentials(PilotStatus: {(Has(Upstream.PilotStatus) ? "present" : "none")}, ChiliPiper: {(Has(Upstream.ChiliPiper) ? "present" : "none")})";
}
