using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Serverless.Tools.Errors;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Http;

/// <summary>Writes HTTP-level refusals as JSON-RPC error bodies, the shape MCP clients parse.</summary>
internal static class JsonRpcErrors
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int ServerError = -32000;

    public static Task WriteAsync(HttpContext context, int status, int code, string message, RequestId id = default, JsonNode? data = null)
    {
        var error = new JsonRpcError
        {
            Id = id,
            Error = new JsonRpcErrorDetail { Code = code, Message = message, Data = data },
        };
        return WriteAsync(context, status, error);
    }

    public static Task WriteAsync(HttpContext context, int status, JsonRpcErrorDetail detail, RequestId id = default) =>
        WriteAsync(context, status, new JsonRpcError { Id = id, Error = detail });

    private static async Task WriteAsync(HttpContext context, int status, JsonRpcError error)
    {
        // Refusals quote what the caller sent (hosts, headers); nothing that reaches the wire keeps a credential.
        if (context.RequestServices?.GetService<CredentialScrubber>() is { } scrubber)
        {
            error = (JsonRpcError)Protocol.OutgoingScrubbing.Scrub(error, scrubber, context.RequestServices.GetService<CallerCredentials>());
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, error,
            (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonRpcError>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError)),
            context.RequestAborted);
    }
}
