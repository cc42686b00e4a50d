using System.Text.Json;
using System.Text.Unicode;
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

        if (context.Request.ContentLength is { } length)
        {
            // The usual case: the size is declared, so the body is read into one array of that size.
            var exact = new byte[length];
            var filled = 0;
            while (filled < exact.Length)
            {
                var got = await context.Request.Body.ReadAsync(exact.AsMemory(filled), context.RequestAborted);
                if (got == 0)
                {
                    return exact[..filled];
                }

                filled += got;
            }

            // A body longer than it declared is refused by the server itself; nothing more is read here.
            return exact;
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
        if (!Utf8.IsValid(body))
        {
            return (null, (JsonRpcErrors.ParseError, "Parse error: the body is not valid UTF-8."));
        }

        JsonDocument document;
        try
        {
            // A repeated member name would let two readers of one message see different values.
            document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return (null, (JsonRpcErrors.ParseError, "Parse error: the body is not valid JSON" + Where(e) + "."));
        }

        using (document)
        {
            // A lone surrogate can only be written as a \u escape (raw UTF-8 was checked above), so a body
            // without one needs no walk.
            if (body.AsSpan().IndexOf("\\u"u8) >= 0 && LoneSurrogate(document.RootElement, "$") is { } path)
            {
                return (null, (JsonRpcErrors.ParseError, $"Parse error: the string at {path} is not valid Unicode (a lone surrogate escape)."));
            }

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

    private static string Where(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } position ? $" (line {line + 1}, byte {position + 1})" : "";

    // Valid JSON can still escape half a UTF-16 pair ("\ud800"); reading such a string throws deep inside the SDK.
    private static string? LoneSurrogate(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element) ? null : path;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = member.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path + ".<member name>";
                    }

                    if (LoneSurrogate(member.Value, path + "." + name) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (LoneSurrogate(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool Readable(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
