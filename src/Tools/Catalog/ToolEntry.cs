using ModelContextProtocol.Server;

namespace Serverless.Tools.Catalog;

/// <summary>One tool of the catalog: the SDK tool object plus what selection needs to know about it.</summary>
/// <param name="KeyScope">For Pilot Status tools, the kind of API key the endpoint accepts.</param>
public sealed record ToolEntry(string Name, string Toolset, Upstream Upstream, bool ReadOnly, McpServerTool Tool, KeyScope? KeyScope = null);
