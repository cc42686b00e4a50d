namespace Serverless.Tools.ChiliPiper;

/// <summary>What to do after each Chili Piper error code (contract: chili-piper/TOOLS.md).</summary>
public static class ChiliPiperNextSteps
{
    private static readonly Dictionary<string, string> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        // Meetings
        ["MeetingNotFound"] = "No meeting matches that id or CRM event id; find the meeting with meeting-list-put over the right 7-day window.",

        // Workspaces, teams, distributions and rules
        ["RevisionConflict"] = "The rule changed since you read it. Call rule-get for its current metadata.revision (and conditions), reapply your change to that version, and retry this one rule only.",
        ["OwnershipConditionMissingReference"] = "Every OwnershipCondition needs 'ownership': {source, object, field} naming the CRM owner field; add it and call again.",
        ["WorkspaceNotFound"] = "No workspace has that id; workspace-list shows the valid ids (the field is 'id').",
        ["TeamNotFound"] = "No team has that id; team-list-put shows the teams and their ids.",
        ["DistributionNotFound"] = "No distribution has that id; distribution-list-put shows the published ones.",
        ["RuleNotFound"] = "No active rule has that id (deleted rules are gone); rule-list shows the current rules.",
        ["WeightOutOfRange"] = "Weights must stay between 0 and 10000; read the current weights with distribution-list-put and choose a smaller delta.",

        // Scheduling links, Handoff and Concierge (two-phase bookings, routing logs)
        [TwoPhaseBooking.FailureCode] = "Chili Piper declined and changed nothing. After a -schedule call the session or slot is no longer valid: run phase 1 again (scheduling-link-init, handoff-init or concierge-route) and book one of the new start times; never repeat the same call. After a cancel or no-show, read the meeting to see its status.",
        ["RoutingSessionNotFound"] = "The booking session is unknown or gone; run phase 1 again (scheduling-link-init, handoff-init or concierge-route) and book one of the new start times.",
        ["GuestEmailRequired"] = "This link resolves its host from the guest's CRM owner: call scheduling-link-init again with guestEmail.",
        [ConciergeTools.LogsWindowTooLong] = ConciergeTools.LogsWindowAdvice,
    };

    /// <summary>Every code this table advises on.</summary>
    public static IReadOnlyCollection<string> Codes => ByCode.Keys;

    public static string? For(string code) => ByCode.GetValueOrDefault(code);
}
