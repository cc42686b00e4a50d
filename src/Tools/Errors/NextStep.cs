using Serverless.Tools.ChiliPiper;
using Serverless.Tools.PilotStatus;

namespace Serverless.Tools.Errors;

/// <summary>
/// What the model should do after an upstream error: the advice the failure carries itself, else the
/// upstream's own table by vendor code, else by status. Argument errors carry their own advice and never
/// come here.
/// </summary>
public static class NextStep
{
    private const string OutcomeUnknown =
        "Outcome unknown: the upstream may have applied this change. Check the current state (read or list it) before calling again.";

    /// <param name="tool">The tool that met the error, when known: whether it reads, and which key it declares.</param>
    public static string For(UpstreamError error, ToolDeclaration? tool)
    {
        // A write that may have been applied must be checked before anything else is tried.
        if (error.OutcomeUnknown)
        {
            return OutcomeUnknown;
        }

        if (error.Next is { } own)
        {
            return own;
        }

        var byCode = error.Code is not { } code ? null : error.Upstream switch
        {
            Upstream.PilotStatus => PilotStatusNextSteps.For(code, tool),
            Upstream.ChiliPiper => ChiliPiperNextSteps.For(code),
            _ => null,
        };
        if (byCode is not null)
        {
            return byCode;
        }

        if (error.Status == 0 || error.Status >= 500)
        {
            return "The upstream is unavailable right now; try again in a little while.";
        }

        return error.Status switch
        {
            400 or 422 => "Fix the argument the message names and call again.",
            401 => "The credential was rejected: re-authorise with a valid key or token.",
            402 => "The account's plan does not cover this; upgrade the plan or choose another operation.",
            403 => "The credential is valid but not allowed to do this; use a credential with the permission the message names.",
            404 => "Nothing with that id is visible to this credential; list the resources to find a valid id.",
            409 => "The resource changed or is in a conflicting state; read it again and retry with fresh values.",
            423 => "Someone is editing this resource; try again shortly.",
            429 => error.RetryAfter is { } wait
                ? $"Rate limited: retry after {Math.Ceiling(wait.TotalSeconds)} s."
                : "Rate limited: wait a few seconds before retrying.",
            _ => tool?.IsRead == true ? "Try again later." : "Check the current state before calling again.",
        };
    }
}
