using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Serverless.Tools.Catalog;
using Serverless.Tools.PilotStatus;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Callers;

/// <summary>
/// Reads the caller's upstream credentials from the request (pass-through mode). Where a request carries
/// none for an upstream, a key configured on the server fills in: that is single-user mode.
/// </summary>
public sealed class CallerResolver(IOptionsMonitor<UpstreamOptions> upstreams)
{
    public static readonly string[] AcceptedHeaders =
    [
        "x-api-key: ps_... (Pilot Status)",
        "x-api-key-id: <key id> (Pilot Status)",
        "x-whatsapp-number-id: <number id> (Pilot Status, optional)",
        "Authorization: Bearer <token> (Chili Piper)",
    ];

    public void Fill(HttpRequest request, CallerCredentials credentials)
    {
        credentials.PilotStatusApiKey = Header(request, PilotStatusClient.ApiKeyHeader);
        credentials.PilotStatusApiKeyId = Header(request, PilotStatusClient.ApiKeyIdHeader);
        credentials.WhatsAppNumberId = Header(request, PilotStatusClient.NumberIdHeader);
        credentials.ChiliPiperToken = BearerToken(request);

        if (!credentials.Has(Upstream.PilotStatus))
        {
            credentials.PilotStatusApiKey = Configured(UpstreamOptions.PilotStatusSection);
        }

        if (!credentials.Has(Upstream.ChiliPiper))
        {
            credentials.ChiliPiperToken = Configured(UpstreamOptions.ChiliPiperSection);
        }
    }

    /// <summary>True when the server itself holds a key for at least one upstream.</summary>
    public bool SingleUser =>
        Configured(UpstreamOptions.PilotStatusSection) is not null || Configured(UpstreamOptions.ChiliPiperSection) is not null;

    private string? Configured(string section) => upstreams.Get(section).ApiKey is { Length: > 0 } key ? key : null;

    public static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    /// <summary>The token of an "Authorization: Bearer" header, or null.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var value = Header(request, "Authorization");
        const string scheme = "Bearer ";
        return value is not null && value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && value.Length > scheme.Length
            ? value[scheme.Length..].Trim()
            : null;
    }
}
