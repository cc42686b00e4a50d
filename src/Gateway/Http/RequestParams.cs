using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Serverless.Gateway.Http;

/// <summary>
/// Checks a request's params against the SDK's own parameter type for its method before the SDK sees them.
/// Params the SDK cannot read would otherwise fail inside the transport, as an empty HTTP 500 or a bare
/// -32603; here they become -32602 naming what is wrong.
/// </summary>
internal static class RequestParams
{
    private static readonly Dictionary<string, Type> Types = new(StringComparer.Ordinal)
    {
        [RequestMethods.Initialize] = typeof(InitializeRequestParams),
        [RequestMethods.ToolsList] = typeof(ListToolsRequestParams),
        [RequestMethods.ToolsCall] = typeof(CallToolRequestParams),
        [RequestMethods.Ping] = typeof(PingRequestParams),
        [RequestMethods.ServerDiscover] = typeof(DiscoverRequestParams),
    };

    /// <returns>A message saying what is wrong, or null when the SDK can read the params.</returns>
    public static string? Problem(JsonRpcMessage message)
    {
        if (message is not JsonRpcRequest { Method: var method } request || !Types.TryGetValue(method, out var type))
        {
            return null;
        }

        if (request.Params is not null and not JsonObject)
        {
            return $"Invalid params: params of '{method}' must be an object.";
        }

        if (method == RequestMethods.ToolsCall && request.Params?["arguments"] is { } arguments and not JsonObject)
        {
            return $"Invalid params: params.arguments must be an object of named arguments, not {Describe(arguments)}.";
        }

        if (request.Params is null)
        {
            return method == RequestMethods.Initialize || method == RequestMethods.ToolsCall
                ? $"Invalid params: '{method}' needs params."
                : null;
        }

        try
        {
            _ = request.Params.Deserialize(McpJsonUtilities.DefaultOptions.GetTypeInfo(type));
            return null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException)
        {
            var path = e is JsonException { Path: { Length: > 1 } p } ? $" at params{p[1..]}" : "";
            return $"Invalid params for '{method}'{path}: {FirstSentence(e.Message)}";
        }
    }

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => node.GetValueKind().ToString().ToLowerInvariant(),
    };

    // Serializer messages end with path and position details that repeat what is said above.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut < 0 ? message : message[..cut];
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
