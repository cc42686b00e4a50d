using System.Text.Json.Nodes;

namespace Serverless.Tools.Upstreams;

/// <summary>One request to an upstream, before auth and transport are added.</summary>
/// <param name="IsRead">Reads may be retried; everything else is sent exactly once.</param>
/// <param name="Accept">Media types to ask for when the answer is not JSON (a CSV export); JSON when null.</param>
public sealed record UpstreamCall(
    HttpMethod Method,
    string Path,
    bool IsRead,
    IReadOnlyList<KeyValuePair<string, string?>>? Query = null,
    JsonNode? Body = null,
    string? Accept = null)
{
    public string PathAndQuery
    {
        get
        {
            var pairs = Query?.Where(p => p.Value is not null).ToArray() ?? [];
            return pairs.Length == 0
                ? Path
                : Path + "?" + string.Join('&', pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));
        }
    }

    /// <summary>Escapes one caller-supplied path segment so an id can never change the path.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
