using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Serverless.Tools.Catalog;
using Serverless.Tools.Json;

namespace Serverless.Tools.Errors;

/// <summary>
/// The one place where upstream answers and failures become MCP tool results. Errors are results with
/// isError set, never exceptions, because the SDK hides exception text from the model.
/// </summary>
public static class ToolResults
{
    /// <summary>Runs a tool body and turns every expected failure into an error result.</summary>
    public static async Task<CallToolResult> RunAsync(bool isRead, Func<Task<CallToolResult>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (ToolArgumentException e)
        {
            return InvalidArgument(e);
        }
        catch (MissingCredentialException e)
        {
            return Error(new JsonObject
            {
                ["upstream"] = e.Upstream.DisplayName(),
                ["code"] = e.Code,
                ["message"] = e.Message,
            }, $"{e.Upstream.DisplayName()}: no credential ({e.Code}). {e.Message}");
        }
        catch (UpstreamException e)
        {
            return FromUpstream(e.Error, isRead);
        }
    }

    /// <summary>A successful result: the upstream's answer as structured content and as compact text.</summary>
    public static CallToolResult Success(JsonNode? body, string? note = null)
    {
        // structuredContent must be an object; arrays, strings and empty bodies are wrapped.
        var structured = body as JsonObject ?? new JsonObject { ["result"] = body?.DeepClone() };
        if (note is not null)
        {
            structured = (JsonObject)structured.DeepClone();
            structured["_note"] = note;
        }

        var element = JsonSerializer.SerializeToElement(structured, ToolJson.Options.GetTypeInfo(typeof(JsonNode)));
        return new CallToolResult
        {
            StructuredContent = element,
            Content = [new TextContentBlock { Text = ToolJson.Compact(element) }],
        };
    }

    public static CallToolResult FromUpstream(UpstreamError error, bool isRead)
    {
        var next = NextStep.For(error, isRead);
        var payload = new JsonObject
        {
            ["upstream"] = error.Upstream.DisplayName(),
            ["status"] = error.Status,
            ["code"] = error.Code,
            ["message"] = error.Message,
            ["next"] = next,
        };
        if (error.RetryAfter is { } wait)
        {
            payload["retryAfterSeconds"] = (int)Math.Ceiling(wait.TotalSeconds);
        }

        if (error.OutcomeUnknown)
        {
            payload["outcomeUnknown"] = true;
        }

        if (error.CorrelationId is not null)
        {
            payload["correlationId"] = error.CorrelationId;
        }

        var status = error.Status == 0 ? "no response" : $"HTTP {error.Status}";
        var code = error.Code is null ? "" : $" {error.Code}";
        return Error(payload, $"{error.Upstream.DisplayName()} error ({status}{code}): {error.Message}\nNext: {next}");
    }

    public static CallToolResult InvalidArgument(ToolArgumentException e)
    {
        var payload = new JsonObject
        {
            ["code"] = e.Code ?? "INVALID_ARGUMENT",
            ["parameter"] = e.Parameter,
            ["message"] = e.Message,
            ["next"] = NextStep.ForCode(e.Code) ?? $"Fix '{e.Parameter}' and call again.",
        };
        var code = e.Code is null ? "" : $" {e.Code}";
        return Error(payload, $"Invalid argument '{e.Parameter}'{code}: {e.Message}\nNext: {payload["next"]} The upstream was not called.");
    }

    /// <summary>A call the gateway refused before any upstream request (for example outside the caller's grant).</summary>
    public static CallToolResult Refused(string code, string message, string next) => Error(
        new JsonObject { ["code"] = code, ["message"] = message, ["next"] = next },
        $"Refused ({code}): {message}\nNext: {next} The upstream was not called.");

    private static CallToolResult Error(JsonObject payload, string text) => new()
    {
        IsError = true,
        StructuredContent = JsonSerializer.SerializeToElement(new JsonObject { ["error"] = payload }, ToolJson.Options.GetTypeInfo(typeof(JsonNode))),
        Content = [new TextContentBlock { Text = text }],
    };
}
