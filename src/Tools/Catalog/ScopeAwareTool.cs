using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Tools.Json;

namespace Serverless.Tools.Catalog;

/// <summary>
/// Wraps a Pilot Status tool so a key-scope refusal names the key this very tool needs: the upstream only says the
/// key was the wrong kind, and a model holding both keys needs to know which one to call this tool with.
/// </summary>
internal sealed class ScopeAwareTool(McpServerTool inner, KeyScope scope) : DelegatingMcpServerTool(inner)
{
    private static readonly string[] ScopeCodes = ["TENANT_SCOPE_NOT_ALLOWED", "NUMBER_SCOPE_NOT_ALLOWED"];

    public KeyScope Scope { get; } = scope;

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        var result = await base.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.IsError is not true
            || result.StructuredContent is not { } content
            || JsonNode.Parse(content.GetRawText()) is not JsonObject root
            || root["error"] is not JsonObject error
            || error["code"]?.GetValue<string>() is not { } code
            || !ScopeCodes.Contains(code))
        {
            return result;
        }

        var next = NextFor(ProtocolTool.Name, code, Scope);
        error["next"] = next;
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        var cut = text.IndexOf("\nNext: ", StringComparison.Ordinal);
        return new CallToolResult
        {
            IsError = true,
            StructuredContent = JsonSerializer.SerializeToElement(root, ToolJsonContext.Default.JsonObject),
            Content = [new TextContentBlock { Text = (cut < 0 ? text : text[..cut]) + "\nNext: " + next }],
        };
    }

    /// <summary>The upstream's code says which kind it wanted; the declared scope adds how to supply it.</summary>
    internal static string NextFor(string tool, string code, KeyScope scope)
    {
        var wantsNumberKey = code == "TENANT_SCOPE_NOT_ALLOWED";
        var advice = wantsNumberKey
            ? $"{tool} needs a number-scoped Pilot Status key (the key of one WhatsApp number), not the tenant key. Call it again with that number's key."
            : $"{tool} needs the tenant-scoped Pilot Status key (the account key), not a number key. Call it again with the tenant key.";
        return scope == KeyScope.Either && wantsNumberKey
            ? advice + " With the tenant key, name the number in the x-whatsapp-number-id header instead."
            : advice;
    }
}
