namespace Serverless.Tools.Errors;

/// <summary>
/// The one place where upstream answers and <see cref="ToolError"/>s become MCP tool results. Errors are
/// results with isError set, never exceptions, because the SDK hides exception text from the model.
/// </summary>
public static class ToolResults
{
    private const string NotCalled = " The upstream was not called.";

    /// <summary>
    /// Runs a tool body and turns every expected failure into an error result. Whether the tool reads or writes
    /// comes from its declaration (<see cref="ToolDeclaration.Current"/>), never from the call site.
    /// </summary>
    public static async Task<CallToolResult> RunAsync(Func<Task<CallToolResult>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (ToolArgumentException e)
        {
            return Error(ToolError.FromArgument(e));
        }
        catch (MissingCredentialException e)
        {
            return Error(ToolError.FromMissingCredential(e));
        }
        catch (UpstreamException e)
        {
            return Error(ToolError.FromUpstream(e.Error, ToolDeclaration.Current));
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

    /// <summary>Renders a tool error: structuredContent.error for programs, one text for the model.</summary>
    public static CallToolResult Error(ToolError error)
    {
        var result = new CallToolResult
        {
            IsError = true,
            StructuredContent = JsonSerializer.SerializeToElement(new JsonObject { ["error"] = Payload(error) }, ToolJson.Options.GetTypeInfo(typeof(JsonNode))),
            Content = [new TextContentBlock { Text = Text(error) }],
        };
        ToolError.Remember(result, error);
        return result;
    }

    private static JsonObject Payload(ToolError error)
    {
        var payload = new JsonObject();
        if (error.Kind is ToolErrorKind.Upstream or ToolErrorKind.NoCredential)
        {
            payload["upstream"] = error.Upstream?.DisplayName();
        }

        if (error.Kind == ToolErrorKind.Upstream)
        {
            payload["status"] = error.Status;
        }

        payload["code"] = error.ReportedCode;
        if (error.Parameter is not null)
        {
            payload["parameter"] = error.Parameter;
        }

        payload["message"] = error.Message;
        if (Next(error) is { } next)
        {
            payload["next"] = next;
        }

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

        foreach (var (name, value) in error.Details ?? [])
        {
            payload[name] = value?.DeepClone();
        }

        return payload;
    }

    // The structured advice is one sentence list: the tool's own, then what a later layer added.
    private static string? Next(ToolError error) => error.Also is { Advice: var also }
        ? string.IsNullOrEmpty(error.Next) ? also : error.Next + " " + also
        : error.Next;

    private static string Text(ToolError error)
    {
        var text = error.Kind switch
        {
            ToolErrorKind.Upstream =>
                $"{error.Upstream?.DisplayName()} error ({(error.Status is null or 0 ? "no response" : $"HTTP {error.Status}")}{Spaced(error.Code)}): {error.Message}\nNext: {error.Next}",
            ToolErrorKind.Argument =>
                $"Invalid argument '{error.Parameter}'{Spaced(error.Code)}: {error.Message}\nNext: {error.Next}{NotCalled}",
            ToolErrorKind.Refused =>
                $"{error.RefusedBy ?? "Refused"} ({error.Code}): {error.Message}\nNext: {error.Next}{NotCalled}",
            _ => $"{error.Upstream?.DisplayName()}: no credential ({error.Code}). {error.Message}",
        };
        return error.Also is { } also ? $"{text}\n{also.Topic}: {also.Advice}" : text;
    }

    private static string Spaced(string? code) => code is null ? "" : " " + code;
}
