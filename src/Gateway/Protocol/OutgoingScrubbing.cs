using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Tools.Errors;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Protocol;

/// <summary>
/// The last step before any JSON-RPC message leaves the server: tool results (text and structured), other
/// results and errors lose every credential the gateway knows, whatever produced them.
/// </summary>
internal static class OutgoingScrubbing
{
    public static McpMessageFilter Filter() => next => async (context, cancellationToken) =>
    {
        if (context.Services?.GetService<CredentialScrubber>() is { } scrubber)
        {
            context.JsonRpcMessage = Scrub(context.JsonRpcMessage, scrubber, Caller(context.Services));
        }

        await next(context, cancellationToken);
    };

    internal static JsonRpcMessage Scrub(JsonRpcMessage message, CredentialScrubber scrubber, CallerCredentials? caller)
    {
        switch (message)
        {
            case JsonRpcResponse { Result: { } result } response:
                var json = result.ToJsonString();
                return scrubber.Finds(json, caller)
                    ? new JsonRpcResponse { Id = response.Id, Result = JsonNode.Parse(scrubber.Scrub(json, caller)), Context = response.Context }
                    : message;
            case JsonRpcError { Error: { } detail } error:
                var data = detail.Data is null ? null : JsonSerializer.Serialize(detail.Data, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object)));
                return scrubber.Finds(detail.Message, caller) || scrubber.Finds(data, caller)
                    ? new JsonRpcError
                    {
                        Id = error.Id,
                        Context = error.Context,
                        Error = new JsonRpcErrorDetail
                        {
                            Code = detail.Code,
                            Message = scrubber.Scrub(detail.Message, caller),
                            Data = data is null ? null : JsonNode.Parse(scrubber.Scrub(data, caller)),
                        },
                    }
                    : message;
            default:
                return message;
        }
    }

    // Stdio resolves from the root provider, where a scoped service cannot be asked for.
    private static CallerCredentials? Caller(IServiceProvider services)
    {
        try
        {
            return services.GetService<CallerCredentials>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
