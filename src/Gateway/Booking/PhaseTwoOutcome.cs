using Serverless.Tools.Errors;

namespace Serverless.Gateway.Booking;

/// <summary>What a failed phase-2 call means for its session: did it fail upstream, or never reach the upstream.</summary>
public static class PhaseTwoOutcome
{
    public enum Kind
    {
        /// <summary>The tool refused before calling, or the upstream turned the call away unprocessed.</summary>
        NotReached,

        /// <summary>The upstream answered with a failure; the session is spent.</summary>
        Failed,

        /// <summary>The booking may or may not exist.</summary>
        Unknown,
    }

    // Refusals of the request as such (credential, permission, rate limit): the vendor did not look at the session.
    private static readonly int[] Unprocessed = [401, 403, 429];

    /// <param name="error">The typed error of the result, or null when the result carries none (the SDK's own error).</param>
    public static Kind Classify(ToolError? error) => error switch
    {
        null or { OutcomeUnknown: true } => Kind.Unknown,
        { UpstreamNotCalled: true } => Kind.NotReached,
        { Status: { } status } when Unprocessed.Contains(status) => Kind.NotReached,
        _ => Kind.Failed,
    };
}
