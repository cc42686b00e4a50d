using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Serverless.Gateway.Http;

/// <summary>Reads the POST body under the size limit and parses it as one JSON-RPC message.</summary>
internal static class RequestBody
{
    /// <returns>The body, or null when it is larger than <paramref name="limit"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength is { } declared && declared > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static (JsonRpcMessage? Message, (int Code, string Message) Error) Parse(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, (JsonRpcErrors.ParseError, "Parse error: the body is not valid JSON."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                return (null, (JsonRpcErrors.InvalidRequest, "Bad Request: JSON-RPC batches are not supported; send one message per request."));
            }

            try
            {
                var message = document.RootElement.Deserialize(
                    (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage)));
                if (message is not null)
                {
                    return (message, default);
                }
            }
            catch (JsonException)
            {
            }

            return (null, (JsonRpcErrors.InvalidRequest, "Bad Request: the body is not a valid JSON-RPC message."));
        }
    }
}
