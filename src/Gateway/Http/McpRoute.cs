namespace Serverless.Gateway.Http;

/// <summary>
/// The selection a path under the MCP endpoint makes: "" (everything), "readonly", "x/{toolsets}" and
/// "x/{toolsets}/readonly". Hosts that route the whole tail to one handler (a catch-all function route)
/// read it here, so every host accepts exactly the paths the self-host maps.
/// </summary>
public static class McpRoute
{
    public const string ReadOnlySegment = "readonly";

    /// <returns>False for any other path (the caller answers 404).</returns>
    public static bool TryParse(string? path, out string? toolsets, out bool readOnly)
    {
        toolsets = null;
        readOnly = false;
        var segments = (path ?? "").Trim('/') is { Length: > 0 } trimmed ? trimmed.Split('/') : [];
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
