namespace Serverless.Tools.Errors;

/// <summary>
/// Every way an upstream call can fail, in one shape: an HTTP error, a business failure inside a 200,
/// or a transport failure (status 0).
/// </summary>
/// <param name="Status">HTTP status, or 0 when no response arrived.</param>
/// <param name="Code">The vendor's machine code when it sent one (for example TENANT_SCOPE_NOT_ALLOWED).</param>
/// <param name="Message">The vendor's own message text, never the whole raw body.</param>
/// <param name="RetryAfter">How long the upstream asked callers to wait, when it said so.</param>
/// <param name="OutcomeUnknown">True when a write may or may not have been applied (timeout, lost connection, 5xx).</param>
/// <param name="Next">Advice known where the failure happened (the gateway's own send path); else the upstream's table decides.</param>
public sealed record UpstreamError(
    Upstream Upstream,
    int Status,
    string? Code,
    string Message,
    TimeSpan? RetryAfter = null,
    bool OutcomeUnknown = false,
    string? CorrelationId = null,
    string? Next = null);

/// <summary>Carries an <see cref="UpstreamError"/> from the client to the one place that maps it.</summary>
public sealed class UpstreamException(UpstreamError error) : Exception(error.Message)
{
    public UpstreamError Error { get; } = error;
}
