using System.Runtime.CompilerServices;

namespace Serverless.Tools.Upstreams;

/// <summary>One request to an upstream, before auth and transport are added.</summary>
/// <remarks>Whether it may be retried is not the call's to say: the running tool's declaration decides.</remarks>
/// <param name="Accept">Media types to ask for when the answer is not JSON (a CSV export); JSON when null.</param>
public sealed record UpstreamCall(
    HttpMethod Method,
    string Path,
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

    /// <summary>The longest id a path segment takes; longer ones are refused before any URL is built.</summary>
    public const int MaxSegmentLength = 512;

    /// <summary>
    /// Escapes one caller-supplied path segment so an id can never change the path. Escaping alone is not
    /// enough: "." and ".." survive it and the URI normaliser then removes them (moving the request to the
    /// parent route), and an empty segment collapses into its neighbours. Those are refused, naming the argument.
    /// </summary>
    public static string Segment(string value, [CallerArgumentExpression(nameof(value))] string argument = "id")
    {
        var name = ArgumentName(argument);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ToolArgumentException(name, $"'{name}' must not be empty.");
        }

        if (value is "." or "..")
        {
            throw new ToolArgumentException(name, $"'{name}' cannot be '{value}': it is not an id.");
        }

        if (value.Length > MaxSegmentLength)
        {
            throw new ToolArgumentException(name, $"'{name}' is {value.Length} characters long; ids are at most {MaxSegmentLength}.");
        }

        return Uri.EscapeDataString(value);
    }

    // The expression is the client method's parameter (meetingId) or a member access (args.Id); the last name counts.
    private static string ArgumentName(string expression)
    {
        var last = expression[(expression.LastIndexOf('.') + 1)..].Trim();
        return last.Length == 0 ? "id" : char.ToLowerInvariant(last[0]) + last[1..];
    }
}
