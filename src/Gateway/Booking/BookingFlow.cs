namespace Serverless.Gateway.Booking;

/// <summary>
/// One two-phase flow of Chili Piper: which tools open a session, which tool books on it, and where the
/// session id and the start time travel in their arguments and results.
/// </summary>
/// <param name="Name">The key prefix; also keeps ids of different flows apart.</param>
/// <param name="SessionIdName">The field naming the session, in the phase-1 result and the phase-2 arguments.</param>
/// <param name="StartTimeInBody">True when phase 2 takes the start time as body.startTime rather than a top-level startTime.</param>
/// <param name="HasPaths">Handoff offers start times per router and path, and phase 2 names both.</param>
public sealed record BookingFlow(
    string Name,
    string SessionIdName,
    IReadOnlyList<string> PhaseOneTools,
    string PhaseTwoTool,
    bool StartTimeInBody,
    bool HasPaths)
{
    public static readonly BookingFlow SchedulingLink = new("scheduling-link", "routeId", ["scheduling-link-init"], "scheduling-link-schedule", StartTimeInBody: true, HasPaths: false);

    public static readonly BookingFlow Handoff = new("handoff", "routingId", ["handoff-init"], "handoff-schedule", StartTimeInBody: false, HasPaths: true);

    public static readonly BookingFlow Concierge = new("concierge", "routingId", ["concierge-route-by-slug", "concierge-route"], "concierge-schedule", StartTimeInBody: true, HasPaths: false);

    public static IReadOnlyList<BookingFlow> All { get; } = [SchedulingLink, Handoff, Concierge];

    /// <summary>The flow a tool takes part in, and whether it is that flow's phase 1 or phase 2.</summary>
    public static bool TryFind(string tool, out BookingFlow flow, out int phase)
    {
        foreach (var candidate in All)
        {
            if (candidate.PhaseOneTools.Contains(tool, StringComparer.Ordinal))
            {
                (flow, phase) = (candidate, 1);
                return true;
            }

            if (string.Equals(candidate.PhaseTwoTool, tool, StringComparison.Ordinal))
            {
                (flow, phase) = (candidate, 2);
                return true;
            }
        }

        (flow, phase) = (null!, 0);
        return false;
    }

    public string StartTimeParameter => StartTimeInBody ? "body.startTime" : "startTime";

    /// <summary>How to name phase 1 to the model ("scheduling-link-init", "concierge-route-by-slug or concierge-route").</summary>
    public string PhaseOneName => Name == Concierge.Name
        ? "concierge-route-by-slug or concierge-route (with an interval)"
        : string.Join(" or ", PhaseOneTools);

    public string KeyFor(string sessionId) => Name + ":" + sessionId;
}
