namespace Serverless.Tools.Catalog;

/// <summary>One tool of the catalog: the SDK tool object plus what selection needs to know about it.</summary>
/// <param name="KeyScope">For Pilot Status tools, the kind of API key the endpoint accepts.</param>
/// <param name="NumberArgument">For Pilot Status tools, the argument that names the WhatsApp number the call acts on, if any.</param>
public sealed record ToolEntry(string Name, string Toolset, Upstream Upstream, bool ReadOnly, McpServerTool Tool, KeyScope? KeyScope = null, string? NumberArgument = null)
{
    /// <summary>The four hints as the tool declares them; tools/list carries them compacted (<see cref="WireHints"/>).</summary>
    public ToolAnnotations Hints { get; init; } = new();
}
