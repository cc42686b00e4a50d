using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;
using Serverless.Tools.Catalog;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Telemetry;

/// <summary>
/// Upstream URLs carry ids taken from tool arguments in their path and query, so a span records only the
/// fixed part: the configured base URL, the route's leading segments that never hold an argument, every
/// later segment as "*", and every query value as "*" (names stay: the code chose them).
/// </summary>
public sealed class UpstreamUrlRedactor(IOptionsMonitor<UpstreamOptions> upstreams)
{
    public const string Redacted = "*";

    // Segments after the base URL that are always literal: Pilot Status /v1/{resource}, Chili Piper /vN/org/{resource}.
    private static readonly (string Section, Upstream Upstream, int FixedSegments)[] Upstreams =
    [
        (UpstreamOptions.PilotStatusSection, Upstream.PilotStatus, 2),
        (UpstreamOptions.ChiliPiperSection, Upstream.ChiliPiper, 3),
    ];

    public void Enrich(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is not { } uri)
        {
            return;
        }

        var (upstream, redacted) = Redact(uri);
        activity.SetTag("url.full", redacted);
        activity.SetTag("url.path", null);
        activity.SetTag("url.query", null);
        if (upstream is not null)
        {
            activity.SetTag(GatewayTelemetry.UpstreamAttribute, upstream.ToString());
        }

        if (request.Headers.TryGetValues(UpstreamClient.CorrelationHeader, out var values))
        {
            activity.SetTag(GatewayTelemetry.CorrelationIdAttribute, values.FirstOrDefault());
        }
    }

    /// <summary>The URL with every argument-bearing part replaced; an unknown base keeps no path segment at all.</summary>
    public (Upstream? Upstream, string Url) Redact(Uri uri)
    {
        var path = uri.AbsolutePath;
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var kept = origin;
        Upstream? matched = null;
        var fixedSegments = 0;
        var bestLength = -1;
        foreach (var (section, upstream, count) in Upstreams)
        {
            if (!Uri.TryCreate(upstreams.Get(section).BaseUrl, UriKind.Absolute, out var baseUri)
                || !string.Equals(baseUri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var basePath = baseUri.AbsolutePath.TrimEnd('/');
            if (basePath.Length > bestLength && (path.Equals(basePath, StringComparison.Ordinal) || path.StartsWith(basePath + "/", StringComparison.Ordinal)))
            {
                bestLength = basePath.Length;
                kept = origin + basePath;
                matched = upstream;
                fixedSegments = count;
            }
        }

        var builder = new StringBuilder(kept);
        var rest = matched is null ? path : path[bestLength..];
        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            builder.Append('/').Append(i < fixedSegments ? segments[i] : Redacted);
        }

        if (uri.Query.Length > 1)
        {
            var pairs = uri.Query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2)[0] + "=" + Redacted);
            builder.Append('?').Append(string.Join('&', pairs));
        }

        return (matched, builder.ToString());
    }
}
