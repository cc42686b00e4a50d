using System.Runtime.CompilerServices;

namespace Serverless.Tools.Errors;

/// <summary>Who stopped a tool call.</summary>
public enum ToolErrorKind
{
    /// <summary>The upstream answered with an error, a failure inside a 2xx, or did not answer.</summary>
    Upstream,

    /// <summary>An argument was refused before the upstream was called.</summary>
    Argument,

    /// <summary>The gateway refused the call before the upstream was called (grant, missing credential header, booking ledger).</summary>
    Refused,

    /// <summary>No credential the upstream accepts could be found for the call.</summary>
    NoCredential,
}

/// <summary>
/// A failed tool call, typed from where it happens to where it is rendered. Layers that know more add it to
/// this value (the booking ledger adds what the failure means for the session) and render it again with
/// <see cref="ToolResults.Error"/>; nothing parses a rendered result.
/// </summary>
/// <param name="Code">The vendor's code or the gateway's own; null when an upstream sent none.</param>
public sealed record ToolError(ToolErrorKind Kind, string? Code, string Message)
{
    public const string InvalidArgumentCode = "INVALID_ARGUMENT";

    private static readonly ConditionalWeakTable<CallToolResult, ToolError> Rendered = new();

    public Upstream? Upstream { get; init; }

    /// <summary>The upstream's HTTP status, or 0 when no response arrived; null when the upstream was not called.</summary>
    public int? Status { get; init; }

    /// <summary>The argument at fault, when there is one.</summary>
    public string? Parameter { get; init; }

    /// <summary>What the model should do next.</summary>
    public string? Next { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when a write may or may not have been applied.</summary>
    public bool OutcomeUnknown { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Who refused, in the text (for example "Booking refused"); "Refused" when not said.</summary>
    public string? RefusedBy { get; init; }

    /// <summary>More members for the structured error (for example the start times a session offered).</summary>
    public JsonObject? Details { get; init; }

    /// <summary>Advice a later layer adds about one topic (for example the booking session), after the tool's own.</summary>
    public (string Topic, string Advice)? Also { get; init; }

    /// <summary>The code as clients see it: an argument refused without a code of its own is INVALID_ARGUMENT.</summary>
    public string? ReportedCode => Kind == ToolErrorKind.Argument ? Code ?? InvalidArgumentCode : Code;

    /// <summary>True when the upstream never saw the call: the tool or the gateway refused it first.</summary>
    public bool UpstreamNotCalled => Kind != ToolErrorKind.Upstream;

    /// <summary>The typed error behind a result <see cref="ToolResults.Error"/> rendered, or null for any other result.</summary>
    public static ToolError? Of(CallToolResult result) => Rendered.TryGetValue(result, out var error) ? error : null;

    internal static void Remember(CallToolResult result, ToolError error) => Rendered.AddOrUpdate(result, error);

    /// <summary>An upstream failure, with the advice for the tool that met it.</summary>
    public static ToolError FromUpstream(UpstreamError error, ToolDeclaration? tool = null) => new(ToolErrorKind.Upstream, error.Code, error.Message)
    {
        Upstream = error.Upstream,
        Status = error.Status,
        Next = NextStep.For(error, tool),
        RetryAfter = error.RetryAfter,
        OutcomeUnknown = error.OutcomeUnknown,
        CorrelationId = error.CorrelationId,
    };

    /// <summary>A refused argument; its advice is the thrower's own, or to fix the argument.</summary>
    public static ToolError FromArgument(ToolArgumentException e) => new(ToolErrorKind.Argument, e.Code, e.Message)
    {
        Parameter = e.Parameter,
        Next = e.Next ?? $"Fix '{e.Parameter}' and call again.",
    };

    public static ToolError FromMissingCredential(MissingCredentialException e) => new(ToolErrorKind.NoCredential, e.Code, e.Message)
    {
        Upstream = e.Upstream,
    };

    /// <summary>A call the gateway refused before any upstream request (for example outside the caller's grant).</summary>
    public static ToolError Refused(string code, string message, string next, string? parameter = null) => new(ToolErrorKind.Refused, code, message)
    {
        Next = next,
        Parameter = parameter,
    };
}
