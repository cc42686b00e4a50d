using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Gateway.Callers;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.PilotStatus;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Grants;

/// <summary>
/// A call to a catalog tool this caller cannot use for want of a credential (pass-through) or a grant
/// (managed) is answered with what it needs, not "Unknown tool": the model can tell the user which header to
/// send or which grant to ask for. Tools left out by the request's own selection stay unknown.
/// </summary>
public static class CredentialGapFilter
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Filter() => next => async (request, cancellationToken) =>
    {
        var name = request.Params?.Name ?? "";
        var services = request.Services;
        if (services is null
            || (request.Server.ServerOptions.ToolCollection is { } listed && listed.TryGetPrimitive(name, out _))
            || services.GetService<ToolCatalog>() is not { } catalog
            || !catalog.TryGet(name, out var tool))
        {
            return await next(request, cancellationToken).ConfigureAwait(false);
        }

        if (services.GetService<CurrentCaller>() is { Identity: { } caller })
        {
            if (caller.Grant.Excludes(tool) is { } reason)
            {
                return ToolResults.Error(GrantRefusals.ToolOutside(name, caller, reason));
            }
        }
        else if (services.GetService<CallerCredentials>() is { } credentials && !credentials.Has(tool.Upstream))
        {
            var upstream = tool.Upstream.DisplayName();
            return ToolResults.Error(ToolError.Refused("CREDENTIAL_REQUIRED", $"{name} is a {upstream} tool and this request carries no {upstream} credential.",
                $"Send the {HeaderFor(tool.Upstream)} header and call again."));
        }

        return await next(request, cancellationToken).ConfigureAwait(false);
    };

    private static string HeaderFor(Upstream upstream) => upstream == Upstream.PilotStatus
        ? $"'{PilotStatusClient.ApiKeyHeader}: <Pilot Status key>'"
        : "'Authorization: Bearer <Chili Piper token>'";
}
