using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Search;

/// <summary>
/// The two tools a search route lists instead of the catalog, for clients that load only a few dozen tools:
/// one finds tools, the other calls one of them by name.
/// </summary>
public static class SearchTools
{
    public const string Search = "search_tools";
    public const string Call = "call_tool";

    public const int DefaultLimit = 10;
    public const int MaxLimit = 25;

    private static readonly Tool SearchTool = new()
    {
        Name = Search,
        Title = "Search the tools",
        Description = "Find the tools of this route by words, toolset or readOnly. Returns up to limit tools, best match first, each with name, toolset, readOnly, a one-line description and its inputSchema; run one with call_tool. Without words it lists tools in catalog order.",
        InputSchema = Schema("""
            {"type":"object","properties":{
            "query":{"type":"string","description":"Words to look for in tool names and descriptions, e.g. send whatsapp template."},
            "toolset":{"type":"string","description":"Only this toolset, e.g. messaging or meetings."},
            "readOnly":{"type":"boolean","description":"true: only tools that read; false: only tools that write."},
            "limit":{"type":"integer","description":"At most this many tools, 1 to 25 (default 10)."}}}
            """),
        Annotations = WireHints.Compact(new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false }),
    };

    private static readonly JsonElement CallSchema = Schema("""
        {"type":"object","properties":{
        "name":{"type":"string","description":"Tool name from search_tools."},
        "arguments":{"type":"object","description":"The arguments of that tool, as its inputSchema describes."}},
        "required":["name"]}
        """);

    private const string CallDescription =
        "Call a tool found with search_tools, by name with its arguments. Same checks, grants and result as calling that tool directly; whether it writes is the readOnly search_tools showed.";

    /// <summary>
    /// The two tools as listed over <paramref name="offered"/>: call_tool's hints are what the offered tools have in
    /// common, so on a read-only route it is itself read-only.
    /// </summary>
    public static IList<Tool> For(IEnumerable<McpServerTool> offered)
    {
        var hints = offered.Select(t => WireHints.Effective(t.ProtocolTool.Annotations)).ToList();
        var call = new Tool
        {
            Name = Call,
            Title = "Call a tool",
            Description = CallDescription,
            InputSchema = CallSchema,
            Annotations = WireHints.Compact(new ToolAnnotations
            {
                ReadOnlyHint = hints.All(h => h.ReadOnly),
                DestructiveHint = hints.Any(h => h.Destructive),
                IdempotentHint = hints.All(h => h.Idempotent),
                OpenWorldHint = hints.Count == 0 || hints.Any(h => h.OpenWorld),
            }),
        };
        return [SearchTool, call];
    }

    private static JsonElement Schema(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
