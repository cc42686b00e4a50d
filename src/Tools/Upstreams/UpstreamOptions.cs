namespace Serverless.Tools.Upstreams;

/// <summary>Settings of one upstream, bound from its configuration section (PilotStatus__*, ChiliPiper__*).</summary>
public sealed class UpstreamOptions
{
    /// <summary>Where the API lives; requests append their own path (/v1/...).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>A server-wide credential for single-user deployments; request headers always win over it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Extra attempts for reads after 429, 5xx or a transport failure. Writes are never retried.</summary>
    public int MaxReadRetries { get; set; } = 2;

    /// <summary>The longest Retry-After the gateway waits out itself; longer ones go back to the caller.</summary>
    public int MaxRetryAfterSeconds { get; set; } = 10;

    /// <summary>
    /// The most CSV a meeting export hands back, in UTF-8 bytes; longer exports are cut on a row boundary so a
    /// model's context is not flooded. Configured as <c>ChiliPiper__ExportMaxBytes</c>.
    /// </summary>
    public int ExportMaxBytes { get; set; } = 200_000;

    /// <summary>
    /// The largest answer read from the upstream, in bytes; a longer one becomes a RESPONSE_TOO_LARGE error
    /// result, so memory stays bounded whatever the upstream sends. Configured as <c>PilotStatus__MaxResponseBytes</c>
    /// and <c>ChiliPiper__MaxResponseBytes</c>.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 2 * 1024 * 1024;

    public const string PilotStatusSection = "PilotStatus";
    public const string ChiliPiperSection = "ChiliPiper";
    public const string PilotStatusDefaultBaseUrl = "https://pilotstatus.com.br";
    public const string ChiliPiperDefaultBaseUrl = "https://fire.chilipiper.com/api/fire-edge";
}
