using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Tools.Errors;

namespace Serverless.Gateway.Telemetry;

/// <summary>
/// One audit line per tool call: the tool, the outcome (ok or the error code) and the duration. Arguments
/// and results are left out on purpose: they carry phone numbers, emails and message text.
/// </summary>
public static class ToolCallAudit
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Filter(ILogger logger) => next => async (request, cancellationToken) =>
    {
        var tool = request.Params?.Name ?? "(none)";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await next(request, cancellationToken);
            var outcome = result.IsError != true ? "ok"
                : ToolError.Of(result)?.ReportedCode is { } code ? "error " + code
                : "error";
            logger.LogInformation("Tool {Tool} -> {Outcome} in {ElapsedMs} ms", tool, outcome, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Tool {Tool} -> {Exception} in {ElapsedMs} ms", tool, e.GetType().Name, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    };
}
