namespace Serverless.Gateway.Http;

/// <summary>
/// The selection a path under the MCP endpoint makes: "" (everything), "readonly", "x/{toolsets}" and
/// "x/{toolsets}/readonly", each also behind "search/" (the same selection, listed as the two search tools).
/// Hosts that route the whole tail to one handler (a catch-all function route) read it here, so every host
/// accepts exactly the paths the self-host maps.
/// </summary>
public static class McpRoute
{
    public const string ReadOnlySegment = "readonly";
    public const string SearchSegment = "search";

    /// <summary>Every selection tail the self-host maps, each also served behind "search/".</summary>
    public static IReadOnlyList<(string Route, bool ReadOnly)> Tails { get; } =
        [("", false), ("/" + ReadOnlySegment, true), ("/x/{toolsets}", false), ("/x/{toolsets}/" + ReadOnlySegment, true)];

    /// <returns>False for any other path (the caller answers 404).</returns>
    public static bool TryParse(string? path, out string? toolsets, out bool readOnly, out bool search)
    {
        toolsets = null;
        readOnly = false;
        var segments = (path ?? "").Trim('/') is { Length: > 0 } trimmed ? trimmed.Split('/') : [];
        search = segments is [SearchSegment, ..];
        if (search)
        {
            segments = segments[1..];
        }

        switch (segments)
        {
            case []:
                return true;
            case [ReadOnlySegment]:
                readOnly = true;
                return true;
            case ["x", { Length: > 0 } names]:
                toolsets = names;
                return true;
            case ["x", { Length: > 0 } names, ReadOnlySegment]:
                toolsets = names;
                readOnly = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads an optional trailing route value that may only be "readonly".</summary>
    public static bool TryParseMode(string? mode, out bool readOnly)
    {
        readOnly = string.Equals(mode, ReadOnlySegment, StringComparison.Ordinal);
        return string.IsNullOrEmpty(mode) || readOnly;
    }
}
