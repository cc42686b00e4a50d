using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Serverless.Gateway.Protocol;

/// <summary>
/// The protocol checks the spec puts on a Streamable HTTP POST, applied before the SDK sees the message:
/// a supported MCP-Protocol-Version, a body that agrees with it, and the standard Mcp-Method/Mcp-Name
/// headers on revisions that require them.
/// </summary>
internal static class ProtocolGuards
{
    private static IReadOnlyList<string> Supported => ProtocolRevisions.Supported;

    public static string HeaderVersion(HttpRequest request) => request.Headers[ProtocolRevisions.VersionHeader].ToString();

    public static JsonRpcErrorDetail? CheckVersionHeader(HttpRequest request)
    {
        var version = HeaderVersion(request);
        if (string.IsNullOrEmpty(version) || Supported.Contains(version))
        {
            return null;
        }

        // Clients choose a retry version from this list, so it names what server/discover would offer.
        var advertised = Supported.Where(ProtocolRevisions.RequiresPerRequestMetadata).ToArray();
        return new JsonRpcErrorDetail
        {
            Code = (int)McpErrorCode.UnsupportedProtocolVersion,
            Message = $"Bad Request: MCP-Protocol-Version '{version}' is not supported. Supported: {string.Join(", ", Supported)}.",
            Data = JsonSerializer.SerializeToNode(
                new UnsupportedProtocolVersionErrorData { Supported = advertised.Length > 0 ? advertised : [.. Supported], Requested = version },
                McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(UnsupportedProtocolVersionErrorData))),
        };
    }

    /// <summary>The header and the body must name the same revision wherever both carry one.</summary>
    public static JsonRpcErrorDetail? CheckEnvelope(HttpRequest request, JsonRpcMessage message)
    {
        var (method, parameters) = MethodAndParams(message);
        if (method is null)
        {
            return null;
        }

        var header = HeaderVersion(request);
        if (method == RequestMethods.Initialize && parameters?["protocolVersion"] is JsonValue pv
            && pv.TryGetValue(out string? initVersion) && !string.IsNullOrEmpty(header) && header != initVersion)
        {
            return Mismatch($"Bad Request: MCP-Protocol-Version '{header}' does not match params.protocolVersion '{initVersion}'.");
        }

        var metaVersion = (parameters?["_meta"] as JsonObject)?[MetaKeys.ProtocolVersion] is JsonValue mv && mv.TryGetValue(out string? v) && !string.IsNullOrEmpty(v) ? v : null;
        if (!ProtocolRevisions.RequiresPerRequestMetadata(header) && !ProtocolRevisions.RequiresPerRequestMetadata(metaVersion))
        {
            return null;
        }

        if (string.IsNullOrEmpty(header))
        {
            return Mismatch("Bad Request: the MCP-Protocol-Version header is required when the body declares a per-request protocol version.");
        }

        if (metaVersion is null)
        {
            // A notification has nobody to receive an error, so only requests are refused here.
            return message is JsonRpcRequest
                ? new JsonRpcErrorDetail { Code = (int)McpErrorCode.InvalidParams, Message = $"Requests using protocol version '{header}' must include '_meta/{MetaKeys.ProtocolVersion}'." }
                : null;
        }

        if (metaVersion != header)
        {
            return Mismatch($"Bad Request: MCP-Protocol-Version '{header}' does not match _meta/{MetaKeys.ProtocolVersion} '{metaVersion}'.");
        }

        if (message is JsonRpcRequest && (parameters?["_meta"] as JsonObject)?[MetaKeys.ClientCapabilities] is not JsonObject)
        {
            return new JsonRpcErrorDetail
            {
                Code = (int)McpErrorCode.InvalidParams,
                Message = $"Requests using protocol version '{header}' must include '_meta/{MetaKeys.ClientCapabilities}' as a JSON object.",
            };
        }

        return null;
    }

    /// <summary>On revisions with standard headers, Mcp-Method (and Mcp-Name for named calls) must match the body.</summary>
    public static string? CheckStandardHeaders(HttpRequest request, JsonRpcMessage message)
    {
        if (!ProtocolRevisions.RequiresStandardHeaders(HeaderVersion(request)))
        {
            return null;
        }

        var (method, parameters) = MethodAndParams(message);
        if (method is null)
        {
            return null;
        }

        if (!request.Headers.TryGetValue(ProtocolRevisions.MethodHeader, out var methodHeader))
        {
            return "Missing required Mcp-Method header.";
        }

        if (methodHeader.ToString().Trim() != method)
        {
            return $"Header mismatch: Mcp-Method '{methodHeader}' does not match body method '{method}'.";
        }

        var nameParameter = method switch
        {
            RequestMethods.ToolsCall or RequestMethods.PromptsGet => "name",
            RequestMethods.ResourcesRead => "uri",
            _ => null,
        };
        if (nameParameter is null)
        {
            return null;
        }

        if (!request.Headers.TryGetValue(ProtocolRevisions.NameHeader, out var nameHeader))
        {
            return "Missing required Mcp-Name header.";
        }

        var decoded = DecodeHeaderValue(nameHeader.ToString().Trim());
        if (decoded is null)
        {
            return "Header mismatch: Mcp-Name header is not validly encoded.";
        }

        var bodyName = parameters?[nameParameter] is JsonValue n && n.TryGetValue(out string? s) ? s : null;
        return decoded == bodyName ? null : $"Header mismatch: Mcp-Name '{nameHeader}' does not match body {nameParameter} '{bodyName}'.";
    }

    /// <summary>
    /// On per-request-metadata revisions HTTP answers a method the server does not serve with 404 (dropped ones such
    /// as initialize and ping, and unknown ones alike). The SDK writes -32601 on a stream that has already said 200,
    /// so the check happens before it.
    /// </summary>
    public static bool IsRemovedMethod(HttpRequest request, JsonRpcMessage message) =>
        ProtocolRevisions.RequiresPerRequestMetadata(HeaderVersion(request))
        && message is JsonRpcRequest { Method: var method }
        && !ServedMethods.Contains(method);

    private static readonly HashSet<string> ServedMethods =
        new([RequestMethods.ToolsList, RequestMethods.ToolsCall, RequestMethods.ServerDiscover], StringComparer.Ordinal);

    private static (string? Method, JsonObject? Params) MethodAndParams(JsonRpcMessage message) => message switch
    {
        JsonRpcRequest r => (r.Method, r.Params as JsonObject),
        JsonRpcNotification n => (n.Method, n.Params as JsonObject),
        _ => (null, null),
    };

    private static JsonRpcErrorDetail Mismatch(string message) => new() { Code = (int)McpErrorCode.HeaderMismatch, Message = message };

    // Non-ASCII names travel as =?base64?<value>?= (the spec's header encoding); plain ASCII as-is.
    private static string? DecodeHeaderValue(string value)
    {
        const string prefix = "=?base64?";
        const string suffix = "?=";
        if (!value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !value.EndsWith(suffix, StringComparison.Ordinal))
        {
            return value.All(c => c >= 0x20 && c < 0x7f) ? value : null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value[prefix.Length..^suffix.Length]));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
