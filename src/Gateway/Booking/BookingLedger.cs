using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using Serverless.Tools.ChiliPiper;
using Serverless.Tools.Errors;

namespace Serverless.Gateway.Booking;

/// <summary>
/// The two-phase session ledger. Phase 1 results are recorded (who, which session, which slots, until when).
/// A phase-2 call books only on an open session of its own caller, for an offered slot, and only after it
/// has claimed the session with the store's compare-and-set: of concurrent duplicates exactly one reaches
/// the upstream, and the others get its recorded booking. Phase 2 is never retried here.
/// </summary>
/// <remarks>
/// What a phase-2 outcome does to the session:
/// success: booked, and every later phase 2 returns the recorded booking (flagged alreadyBooked);
/// an upstream answer that is a failure: failed, since the vendor's sessions are single-use (run phase 1 again);
/// outcome unknown (timeout, lost connection, 5xx, or an exception in the tool): blocked for good, the model
/// checks with meeting-list-put; refused before the upstream was reached (argument checks, missing credential)
/// or turned away by it without processing (401, 403, 429): open again, so the same slot can be retried.
/// </remarks>
public sealed class BookingLedger(
    IBookingSessionStore store,
    IOptionsMonitor<BookingOptions> options,
    TimeProvider time,
    ILogger<BookingLedger> logger)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(100);

    // Wakes the duplicates waiting in this process as soon as the claimant settles; other processes poll.
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _settled = new(StringComparer.Ordinal);

    /// <summary>Records the session a successful phase-1 result opened; results that open none are ignored.</summary>
    public async Task RecordPhaseOneAsync(string callerId, TwoPhaseBooking flow, string tool, CallToolResult result, CancellationToken cancellationToken)
    {
        if (result.IsError == true || result.StructuredContent is not { } content
            || !flow.TryReadOffer(content, out var sessionId, out var offers))
        {
            return;
        }

        var offered = offers.Select(o => new OfferedSlot(o.Offered, o.At, o.RouterId, o.PathId)).ToArray();

        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        var expiresAt = now + TimeSpan.FromMinutes(settings.SessionTtlMinutes);
        var session = new BookingSession
        {
            Key = KeyFor(flow, sessionId),
            CallerId = callerId,
            Tool = tool,
            SessionId = sessionId,
            Offered = offered,
            RecordedAt = now,
            ExpiresAt = expiresAt,
            RetainUntil = expiresAt + TimeSpan.FromHours(settings.RetainHours),
            Version = 1,
        };
        if (await store.TryAddAsync(session, cancellationToken))
        {
            return;
        }

        // The upstream handed out an id the ledger already holds. Only an open session of the same caller takes
        // the fresh offer; a booked, failed or foreign session is never reopened.
        var existing = await store.GetAsync(session.Key, cancellationToken);
        if (existing is { State: BookingState.Open } && existing.CallerId == callerId
            && await store.TryReplaceAsync(session with { Version = existing.Version + 1 }, existing.Version, cancellationToken))
        {
            return;
        }

        logger.LogWarning("Phase 1 of {Flow} returned a session id the ledger already holds in another state; the new offer was not recorded", flow.Name);
    }

    /// <summary>Checks a phase-2 call against the ledger and lets it reach the upstream at most once per session.</summary>
    /// <param name="callTool">The tool itself; called at most once, and only after the session was claimed.</param>
    public async Task<CallToolResult> BookAsync(
        string callerId,
        TwoPhaseBooking flow,
        IDictionary<string, JsonElement>? arguments,
        Func<CancellationToken, ValueTask<CallToolResult>> callTool,
        CancellationToken cancellationToken)
    {
        BookingRequest request;
        try
        {
            request = flow.ReadRequest(arguments);
        }
        catch (ToolArgumentException e)
        {
            return ToolResults.Error(ToolError.FromArgument(e));
        }

        var key = KeyFor(flow, request.SessionId);
        var waitStarted = time.GetTimestamp();
        while (true)
        {
            var session = await store.GetAsync(key, cancellationToken);
            if (session is null)
            {
                return BookingRefusals.Unknown(flow);
            }

            if (!string.Equals(session.CallerId, callerId, StringComparison.Ordinal))
            {
                return BookingRefusals.NotYours(flow);
            }

            switch (session.State)
            {
                case BookingState.Booked:
                    return BookingResults.AlreadyBooked(session);
                case BookingState.Failed:
                    return BookingRefusals.Failed(flow, session);
                case BookingState.OutcomeUnknown:
                    return BookingRefusals.OutcomeUnknown(flow, session);
                case BookingState.Booking:
                    if (!await WaitAsync(key, waitStarted, cancellationToken))
                    {
                        return BookingRefusals.InProgress(flow, session);
                    }

                    continue;
            }

            if (time.GetUtcNow() >= session.ExpiresAt)
            {
                return BookingRefusals.Expired(flow, session);
            }

            var offered = session.Offered;
            if (flow.HasPaths)
            {
                offered = [.. offered.Where(s => s.RouterId == request.RouterId && s.PathId == request.PathId)];
                if (offered.Count == 0)
                {
                    return BookingRefusals.PathNotOffered(flow, session, request);
                }
            }

            if (!offered.Any(s => s.At.UtcTicks == request.At.UtcTicks))
            {
                return BookingRefusals.SlotNotOffered(flow, offered, request);
            }

            var claimed = Next(session, BookingState.Booking) with { StartTime = request.StartTime };
            if (await store.TryReplaceAsync(claimed, session.Version, cancellationToken))
            {
                return await CallOnceAsync(flow, claimed, callTool, cancellationToken);
            }

            // Another call changed the session between the read and the claim: read it again.
        }
    }

    private async Task<CallToolResult> CallOnceAsync(
        TwoPhaseBooking flow, BookingSession claimed, Func<CancellationToken, ValueTask<CallToolResult>> callTool, CancellationToken cancellationToken)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _settled[claimed.Key] = signal;
        try
        {
            CallToolResult result;
            try
            {
                result = await callTool(cancellationToken);
            }
            catch (Exception)
            {
                // No answer to read, and the call may have reached the upstream (a cancelled request, for one).
                await SaveAsync(claimed, Next(claimed, BookingState.OutcomeUnknown) with { ErrorCode = "NO_RESULT" });
                throw;
            }

            var (settled, answer) = Settle(flow, claimed, result);
            await SaveAsync(claimed, settled);
            return answer;
        }
        finally
        {
            _settled.TryRemove(new KeyValuePair<string, TaskCompletionSource>(claimed.Key, signal));
            signal.TrySetResult();
        }
    }

    private (BookingSession Settled, CallToolResult Answer) Settle(TwoPhaseBooking flow, BookingSession claimed, CallToolResult result)
    {
        if (result.IsError != true)
        {
            var content = result.StructuredContent;
            var body = content is { } c ? JsonNode.Parse(c.GetRawText()) : null;

            // The client already turns these into errors; this guards the ledger against recording one as a booking.
            if (TwoPhaseBooking.FailureIn(body) is not null)
            {
                return (Next(claimed, BookingState.Failed) with { ErrorCode = TwoPhaseBooking.FailureCode }, result);
            }

            return (Next(claimed, BookingState.Booked) with
            {
                MeetingId = TwoPhaseBooking.MeetingIdOf(body),
                BookingResultJson = content?.GetRawText() ?? "{}",
            }, result);
        }

        var error = ToolError.Of(result);
        var code = error?.ReportedCode;
        return PhaseTwoOutcome.Classify(error) switch
        {
            PhaseTwoOutcome.Kind.NotReached => (Next(claimed, BookingState.Open) with { StartTime = null }, result),
            PhaseTwoOutcome.Kind.Failed => (Next(claimed, BookingState.Failed) with { ErrorCode = code },
                BookingResults.WithSessionAdvice(result, error, BookingRefusals.SessionSpent(flow))),
            _ => (Next(claimed, BookingState.OutcomeUnknown) with { ErrorCode = code ?? "NO_RESULT" },
                BookingResults.WithSessionAdvice(result, error, BookingRefusals.OutcomeUnknownAdvice(flow))),
        };
    }

    /// <summary>The store key of a session: the flow keeps ids of different flows apart.</summary>
    internal static string KeyFor(TwoPhaseBooking flow, string sessionId) => flow.Name + ":" + sessionId;

    private BookingSession Next(BookingSession session, BookingState state) =>
        session with { Version = session.Version + 1, State = state, StateChangedAt = time.GetUtcNow() };

    private async Task SaveAsync(BookingSession claimed, BookingSession settled)
    {
        // The claimant is the only writer while the session is being booked, and the outcome must be kept even
        // when the caller has gone, hence no cancellation.
        if (!await store.TryReplaceAsync(settled, claimed.Version, CancellationToken.None))
        {
            logger.LogWarning("Booking session of {Flow} changed in the store while it was being booked; outcome {State} not recorded",
                settled.Key.Split(':')[0], settled.State);
        }
    }

    /// <summary>Waits a little for the claimant of a session to settle; false once the wait bound is spent.</summary>
    private async Task<bool> WaitAsync(string key, long waitStarted, CancellationToken cancellationToken)
    {
        var remaining = TimeSpan.FromSeconds(options.CurrentValue.InProgressWaitSeconds) - time.GetElapsedTime(waitStarted);
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        var delay = remaining < PollEvery ? remaining : PollEvery;
        if (_settled.TryGetValue(key, out var signal))
        {
            try
            {
                await signal.Task.WaitAsync(delay, time, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
        else
        {
            await Task.Delay(delay, time, cancellationToken);
        }

        return true;
    }
}
