using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Tools.ChiliPiper;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Booking;

/// <summary>
/// Puts the ledger in front of the two-phase tools: phase-1 results are recorded on their way out, phase-2
/// calls go through <see cref="BookingLedger.BookAsync"/>. Every other tool passes untouched.
/// </summary>
public static class BookingLedgerFilter
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Filter() => next => async (request, cancellationToken) =>
    {
        // A tool outside the selection is not the ledger's business: the SDK answers it as unknown.
        if (request.Params is not { Name: { } tool } parameters || request.MatchedPrimitive is not McpServerTool
            || !TwoPhaseBooking.TryFind(tool, out var flow, out var phase))
        {
            return await next(request, cancellationToken);
        }

        var services = request.Services ?? throw new InvalidOperationException("A tool call needs request services.");
        var ledger = services.GetRequiredService<BookingLedger>();

        // Without a caller (no managed identity, no Chili Piper token) the tool fails on its own, before any upstream call.
        if (CallerId.Of(services) is not { } caller)
        {
            return await next(request, cancellationToken);
        }

        if (phase == 1)
        {
            var result = await next(request, cancellationToken);
            await ledger.RecordPhaseOneAsync(caller, flow, tool, result, cancellationToken);
            return result;
        }

        return await ledger.BookAsync(caller, flow, parameters.Arguments, ct => next(request, ct), cancellationToken);
    };
}
