namespace Serverless.Tools.Catalog;

/// <summary>
/// What a tool declares about itself where it is defined: its name, whether it only reads (the ReadOnly hint of
/// its <c>[McpServerTool]</c>, the one place that says so) and, for Pilot Status, the key it needs. While the tool
/// runs its declaration is <see cref="Current"/>, so the send path (retries, outcome unknown) and the error advice
/// follow the declaration and no call site repeats it.
/// </summary>
/// <param name="IsRead">True for a read-only tool: its upstream calls may be retried and never leave an outcome unknown.</param>
public sealed record ToolDeclaration(string Name, bool IsRead, KeyScope? KeyScope = null)
{
    private static readonly AsyncLocal<ToolDeclaration?> Running = new();

    /// <summary>The declaration of the tool running in this async flow; null outside a catalog tool (sent once, as a write).</summary>
    public static ToolDeclaration? Current
    {
        get => Running.Value;
        internal set => Running.Value = value;
    }

    /// <summary>Reads the declaration off a tool the SDK built from a method.</summary>
    public static ToolDeclaration Of(McpServerTool tool, KeyScope? keyScope) =>
        new(tool.ProtocolTool.Name, tool.ProtocolTool.Annotations?.ReadOnlyHint == true, keyScope);
}
