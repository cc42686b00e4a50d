namespace Serverless.Tools.Catalog;

/// <summary>Makes a tool's declaration <see cref="ToolDeclaration.Current"/> for the duration of each call.</summary>
internal sealed class DeclaredTool(McpServerTool inner, ToolDeclaration declaration) : DelegatingMcpServerTool(inner)
{
    public ToolDeclaration Declaration { get; } = declaration;

    public override async ValueTask<CallToolResult> InvokeAsync(
        RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        // Set inside an async method, so the value ends with this call and never leaks to the caller's flow.
        ToolDeclaration.Current = Declaration;
        return await base.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
