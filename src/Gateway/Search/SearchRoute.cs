using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;

namespace Serverless.Gateway.Search;

/// <summary>
/// Serves a search route: tools/list shows only <see cref="SearchTools"/>, while the server still holds the route's
/// own selection of catalog tools. search_tools reads that selection; call_tool turns itself into a call of the named
/// tool and hands it on to the rest of the pipeline, so audit, credential and grant checks, the booking ledger,
/// the selection itself ("Unknown tool" outside it) and error rendering are exactly those of a direct call.
/// Registered before every other tool-call filter.
/// </summary>
public static class SearchRoute
{
    public static McpRequestFilter<ListToolsRequestParams, ListToolsResult> ListFilter() => _ => (request, _) =>
        ValueTask.FromResult(new ListToolsResult { Tools = SearchTools.For(Offered(request.Server)) });

    public static McpRequestFilter<CallToolRequestParams, CallToolResult> CallFilter() => next => async (request, cancellationToken) =>
    {
        var name = request.Params?.Name;
        if (name == SearchTools.Search)
        {
            return Search(request);
        }

        if (name != SearchTools.Call)
        {
            // The catalog tools are reached through call_tool only, as the listing says.
            throw new McpProtocolException($"Unknown tool: '{name}'", McpErrorCode.InvalidParams);
        }

        var arguments = request.Params!.Arguments;
        if (arguments is null || !arguments.TryGetValue("name", out var target) || target.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(target.GetString()))
        {
            return ToolResults.Error(ToolError.FromArgument(new ToolArgumentException("name", "'name' is required: a tool name from search_tools.")));
        }

        Dictionary<string, JsonElement>? inner = null;
        if (arguments.TryGetValue("arguments", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                return ToolResults.Error(ToolError.FromArgument(new ToolArgumentException("arguments", "'arguments' must be an object of the tool's arguments.")));
            }

            inner = given.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        }

        var toolName = target.GetString()!;
        request.Params = new CallToolRequestParams
        {
            Name = toolName,
            Arguments = inner,
            Meta = request.Params.Meta,
        };
        // The SDK matched the tool by name before the filters ran; match the named tool instead, from the route's own
        // selection, so a tool outside it stays unknown exactly as on a direct call.
        request.MatchedPrimitive = request.Server.ServerOptions.ToolCollection is { } offered && offered.TryGetPrimitive(toolName, out var tool)
            ? tool
            : null;
        return await next(request, cancellationToken).ConfigureAwait(false);
    };

    private static IEnumerable<McpServerTool> Offered(McpServer server) =>
        server.ServerOptions.ToolCollection ?? Enumerable.Empty<McpServerTool>();

    private static CallToolResult Search(RequestContext<CallToolRequestParams> request)
    {
        var arguments = request.Params?.Arguments ?? new Dictionary<string, JsonElement>();
        var problem = CheckedArguments(arguments, out var query, out var toolset, out var readOnly, out var limit);
        if (problem is not null)
        {
            return ToolResults.Error(ToolError.FromArgument(problem));
        }

        var catalog = request.Services!.GetRequiredService<ToolCatalog>();
        var offered = Offered(request.Server)
            .Select(t => catalog.TryGet(t.ProtocolTool.Name, out var entry) ? entry : null)
            .OfType<ToolEntry>();
        var hits = CatalogSearch.Find(offered, query, toolset, readOnly);
        var tools = new JsonArray();
        foreach (var hit in hits.Take(limit))
        {
            var tool = hit.Entry.Tool.ProtocolTool;
            tools.Add((JsonNode)new JsonObject
            {
                ["name"] = tool.Name,
                ["toolset"] = hit.Entry.Toolset,
                ["readOnly"] = hit.Entry.ReadOnly,
                ["description"] = OneLine(tool.Description),
                ["inputSchema"] = JsonNode.Parse(tool.InputSchema.GetRawText()),
            });
        }

        var body = new JsonObject { ["tools"] = tools, ["found"] = hits.Count };
        var note = hits.Count > limit ? $"{hits.Count - limit} more match: add words, a toolset or readOnly, or raise limit."
            : hits.Count == 0 ? "Nothing matches on this route: try other words, or leave out toolset and readOnly."
            : null;
        return ToolResults.Success(body, note);
    }

    private static ToolArgumentException? CheckedArguments(
        IDictionary<string, JsonElement> arguments, out string? query, out string? toolset, out bool? readOnly, out int limit)
    {
        query = null;
        toolset = null;
        readOnly = null;
        limit = SearchTools.DefaultLimit;
        foreach (var (name, value) in arguments)
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (name)
            {
                case "query" when value.ValueKind == JsonValueKind.String:
                    query = value.GetString();
                    break;
                case "toolset" when value.ValueKind == JsonValueKind.String:
                    toolset = value.GetString();
                    if (!Toolsets.All.ContainsKey(toolset!))
                    {
                        return new ToolArgumentException("toolset", $"'toolset' must be one of: {string.Join(", ", Toolsets.All.Keys)}.");
                    }

                    break;
                case "readOnly" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    readOnly = value.GetBoolean();
                    break;
                case "limit" when value.ValueKind == JsonValueKind.Number:
                    if (!value.TryGetInt32(out limit) || limit is < 1 or > SearchTools.MaxLimit)
                    {
                        return new ToolArgumentException("limit", $"'limit' must be a whole number from 1 to {SearchTools.MaxLimit}.");
                    }

                    break;
                case "query" or "toolset":
                    return new ToolArgumentException(name, $"'{name}' must be a string.");
                case "readOnly":
                    return new ToolArgumentException(name, "'readOnly' must be a boolean.");
                case "limit":
                    return new ToolArgumentException(name, "'limit' must be an integer.");
                default:
                    return new ToolArgumentException(name, $"'{name}' is not an argument of search_tools (query, toolset, readOnly, limit).");
            }
        }

        return null;
    }

    /// <summary>The description's first sentence: enough to choose a tool; the schema says the rest.</summary>
    internal static string OneLine(string? description)
    {
        var text = description ?? "";
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        // "e.g. " and "i.e. " do not end a sentence.
        while (end >= 3 && text[(end - 3)..end] is "e.g" or "i.e")
        {
            end = text.IndexOf(". ", end + 2, StringComparison.Ordinal);
        }

        return end < 0 ? text : text[..(end + 1)];
    }
}
