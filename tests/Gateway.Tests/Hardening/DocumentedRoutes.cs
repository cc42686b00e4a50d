namespace Serverless.Gateway.Tests.Hardening;

/// <summary>The vendors' documented route of every tool (documented-routes.txt), and the check that a sent request stays on it.</summary>
public static class DocumentedRoutes
{
    private static readonly Lazy<ILookup<string, (string Method, string[] Segments)>> Table = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Hardening", "documented-routes.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToLookup(p => p[0], p => (p[1], p[2].Split('/'))));

    public static bool Has(string tool) => Table.Value.Contains(tool);

    /// <summary>True when the request's method and raw path match one of the tool's routes, '*' being exactly one real segment.</summary>
    public static bool Allows(string tool, string method, string rawPath)
    {
        var segments = rawPath.Split('/');
        return Table.Value[tool].Any(route =>
            route.Method == method
            && route.Segments.Length == segments.Length
            && route.Segments.Zip(segments).All(p => p.First == "*" ? IsIdSegment(p.Second) : p.First == p.Second));
    }

    // An argument-filled segment is non-empty, is not a dot segment (even percent-encoded) and holds no raw '/'.
    private static bool IsIdSegment(string segment)
    {
        var decoded = Uri.UnescapeDataString(segment);
        return segment.Length > 0 && decoded is not ("." or "..") && !segment.Contains('/');
    }

    public static string Describe(string tool) => string.Join(" or ", Table.Value[tool].Select(r => $"{r.Method} {string.Join('/', r.Segments)}"));
}
