using Microsoft.AspNetCore.Http;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Selection;

/// <summary>Builds a <see cref="ToolSelection"/> from the route and the X-MCP-* headers, refusing unknown names.</summary>
public static class ToolSelectionParser
{
    public const string ToolsetsHeader = "X-MCP-Toolsets";
    public const string ToolsHeader = "X-MCP-Tools";
    public const string ExcludeToolsHeader = "X-MCP-Exclude-Tools";
    public const string ReadOnlyHeader = "X-MCP-Readonly";

    /// <returns>The selection, or an error message naming the valid values.</returns>
    public static (ToolSelection? Selection, string? Error) Parse(string? routeToolsets, bool routeReadOnly, IHeaderDictionary headers, ToolCatalog catalog) =>
        Parse(catalog, routeToolsets, routeReadOnly, headers[ToolsetsHeader], headers[ToolsHeader], headers[ExcludeToolsHeader], headers[ReadOnlyHeader]);

    /// <summary>The same rules from plain values (the stdio host reads them from configuration).</summary>
    public static (ToolSelection? Selection, string? Error) Parse(
        ToolCatalog catalog, string? routeToolsets, bool routeReadOnly, string? toolsetList, string? toolList, string? excludeList, string? readOnlyFlag)
    {
        var toolsets = Split(routeToolsets).Concat(Split(toolsetList)).ToHashSet(StringComparer.Ordinal);
        var unknownToolsets = toolsets.Where(t => !Tools.Catalog.Toolsets.All.ContainsKey(t)).ToArray();
        if (unknownToolsets.Length > 0)
        {
            return (null, $"Unknown toolset(s): {string.Join(", ", unknownToolsets)}. Valid toolsets: {string.Join(", ", Tools.Catalog.Toolsets.All.Keys)}.");
        }

        var tools = Split(toolList).ToHashSet(StringComparer.Ordinal);
        var excluded = Split(excludeList).ToHashSet(StringComparer.Ordinal);
        var unknownTools = tools.Concat(excluded).Where(t => !catalog.TryGet(t, out _)).Distinct().ToArray();
        if (unknownTools.Length > 0)
        {
            return (null, $"Unknown tool(s): {string.Join(", ", unknownTools)}. Valid tools: {string.Join(", ", catalog.Entries.Select(e => e.Name))}.");
        }

        var readOnlyText = (readOnlyFlag ?? "").Trim();
        if (readOnlyText.Length > 0 && !bool.TryParse(readOnlyText, out _))
        {
            return (null, $"The read-only switch must be true or false; got '{readOnlyText}'.");
        }

        var readOnly = routeReadOnly || (bool.TryParse(readOnlyText, out var r) && r);
        return (new ToolSelection(toolsets, tools, excluded, readOnly), null);
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
