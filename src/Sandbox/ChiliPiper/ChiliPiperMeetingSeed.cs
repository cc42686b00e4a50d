namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Fixed ids of the demo meetings and Distro routers. Meeting times are relative to the sandbox's start.</summary>
public static class ChiliPiperMeetingSeed
{
    /// <summary>Bob with a lead two days ago; still Active, so it reads as Completed. Linked to a 15-character Salesforce Event.</summary>
    public const string PastMeetingId = "e5000000-0000-4000-8000-000000000001";
    public const string PastMeetingCrmEventId = "00U5e00000AbCdE";

    /// <summary>Carol's meeting yesterday, already marked as a no-show. Linked to an 18-character Salesforce Event.</summary>
    public const string NoShowMeetingId = "e5000000-0000-4000-8000-000000000002";
    public const string NoShowMeetingCrmEventId = "00U5e00000FgHiJAAY";

    /// <summary>Eve's onboarding call tomorrow, cancelled by the guest. Linked to a HubSpot engagement.</summary>
    public const string CanceledMeetingId = "e5000000-0000-4000-8000-000000000003";
    public const string CanceledMeetingCrmEventId = "38492019";

    /// <summary>Bob's demo in two days, assigned by the Sales round robin: the natural target for cancel.</summary>
    public const string UpcomingMeetingId = "e5000000-0000-4000-8000-000000000004";
    public const string UpcomingMeetingCrmEventId = "00U5e00000KlMnOAAZ";

    /// <summary>Carol's call in two days, booked by Alice for the guest; no CRM event.</summary>
    public const string BookedByAdminMeetingId = "e5000000-0000-4000-8000-000000000005";

    /// <summary>Dan's onboarding in three days through the Success round robin. Linked to a HubSpot engagement.</summary>
    public const string SuccessMeetingId = "e5000000-0000-4000-8000-000000000006";
    public const string SuccessMeetingCrmEventId = "38492020";

    /// <summary>Bob's meeting three weeks ago, outside any window around today.</summary>
    public const string OldMeetingId = "e5000000-0000-4000-8000-000000000007";

    /// <summary>Meeting type of the Sales demos.</summary>
    public const string DemoMeetingTypeId = "f6000000-0000-4000-8000-000000000001";

    /// <summary>Active router assigning new leads through the Sales round robin.</summary>
    public const string InboundLeadRouterId = "d7000000-0000-4000-8000-000000000001";

    /// <summary>Active router with a Scheduled trigger that sweeps unassigned leads.</summary>
    public const string LeadSweepRouterId = "d7000000-0000-4000-8000-000000000002";
    public const string LeadSweepSchedulerId = "d8000000-0000-4000-8000-000000000001";

    /// <summary>Inactive router reacting to account owner changes.</summary>
    public const string AccountOwnerRouterId = "d7000000-0000-4000-8000-000000000003";
}
