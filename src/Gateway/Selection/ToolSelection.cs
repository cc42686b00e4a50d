using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Selection;

/// <summary>
/// What a request asked for: toolsets and single tools add up (an empty request means everything),
/// then exclusions, read-only and missing credentials take tools away. Read-only wins over everything.
/// </summary>
public sealed record ToolSelection(
    IReadOnlyCollection<string> Toolsets,
    IReadOnlyCollection<string> Tools,
    IReadOnlyCollection<string> ExcludedTools,
    bool ReadOnly)
{
    public IReadOnlyList<ToolEntry> Apply(ToolCatalog catalog, Func<Upstream, bool> hasCredential)
    {
        var everything = Toolsets.Count == 0 && Tools.Count == 0;
        return catalog.Entries
            .Where(e => everything || Toolsets.Contains(e.Toolset) || Tools.Contains(e.Name))
            .Where(e => !ExcludedTools.Contains(e.Name))
            .Where(e => !ReadOnly || e.ReadOnly)
            .Where(e => hasCredential(e.Upstream))
            .ToArray();
    }
}
