using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Secrets;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Grants;

/// <summary>
/// The one place a managed caller's grant is checked on every tool call, and where the call's upstream key is
/// chosen. Runs before the tool, so a refused call never reaches an upstream. Pass-through calls go straight on.
/// </summary>
public static class GrantFilter
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Filter() => next => async (request, cancellationToken) =>
    {
        var services = request.Services;
        if (services?.GetService<CurrentCaller>() is not { Identity: { } caller } current)
        {
            return await next(request, cancellationToken).ConfigureAwait(false);
        }

        var name = request.Params?.Name ?? "";
        if (!services.GetRequiredService<ToolCatalog>().TryGet(name, out var tool))
        {
            return await next(request, cancellationToken).ConfigureAwait(false);
        }

        var arguments = request.Params?.Arguments is { } args ? new Dictionary<string, System.Text.Json.JsonElement>(args, StringComparer.Ordinal) : null;
        var (target, refusal) = CallTarget.For(tool, arguments, current.NumberHeader, caller);
        if (target is null)
        {
            return ToolResults.Error(refusal!);
        }

        services.GetRequiredService<CallerCredentials>().Managed = ActivatorUtilities.CreateInstance<ManagedCallCredentials>(services, target);
        return await next(request, cancellationToken).ConfigureAwait(false);
    };
}
