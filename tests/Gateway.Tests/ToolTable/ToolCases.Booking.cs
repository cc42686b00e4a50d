using static Serverless.Sandbox.ChiliPiper.ChiliPiperBookingSeed;
using static Serverless.Sandbox.ChiliPiper.ChiliPiperSeed;

namespace Serverless.Gateway.Tests.ToolTable;

public static partial class ToolCases
{
    // A working week far enough ahead that every seeded working hour is still in the future.
    private const string BookingWeek = """{"startsAt":"2099-01-05T00:00:00Z","duration":"7 days"}""";
    private const string BookingLead = """{"PersonEmail":"lead@acme.example","CompanyEmployees":"40"}""";

    private static ToolStep BookingLinkInit => new("scheduling-link-init", $$"""{"link":{"slug":"{{SalesDemoLinkSlug}}"},"interval":{{BookingWeek}},"guestEmail":"ana@acme.example"}""");

    private static ToolStep BookingHandoffStart => new("handoff-init", $$"""{"workspaceId":"{{SalesWorkspaceId}}","userId":"{{AliceAdminId}}","guestEmail":"ana@acme.example","interval":{{BookingWeek}}}""");

    private static ToolStep BookingConciergeRouted => new("concierge-route-by-slug", $$"""{"routerSlug":"{{InboundDemoRouterSlug}}","form":{{BookingLead}},"interval":{{BookingWeek}}}""");

    public static IEnumerable<ToolCase> Scheduling =>
    [
        new("scheduling-link-list-personal", $$"""{"userId":"{{BobSellerId}}"}"""),
        new("scheduling-link-list-personal", """{"userId":"nobody"}""", "UserNotFound", Label: "unknown user"),
        new("scheduling-link-list-round-robin", "{}"),
        new("scheduling-link-list-round-robin", $$"""{"filterDistributionIds":["{{SalesRoundRobinId}}"]}""", Label: "by distribution"),
        new("scheduling-link-list-round-robin", """{"filterLinkSlugs":["Sales Demo"]}""", "INVALID_ARGUMENT", Label: "bad slug"),
        new("scheduling-link-list-admin-one-on-one", "{}"),
        new("scheduling-link-list-admin-one-on-one", "{}", Key: CaseKey.ChiliPiperReadOnly, Label: "read-only token"),
        new("scheduling-link-list-group", "{}"),
        new("scheduling-link-list-ownership", "{}"),
        new("scheduling-link-init", BookingLinkInit.Arguments),
        new("scheduling-link-init", $$"""{"link":{"slug":"{{AccountOwnerLinkSlug}}"},"interval":{{BookingWeek}}}""", "GuestEmailRequired", Label: "ownership without guest"),
        new("scheduling-link-init", """{"link":{"slug":"no-such-link"}}""", "SchedulingLinkNotFound", Label: "unknown link"),
        new("scheduling-link-init", """{"link":{}}""", "INVALID_ARGUMENT", Label: "no link reference"),
        new("scheduling-link-init", BookingLinkInit.Arguments, "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        new("scheduling-link-schedule", """{"routeId":"{prev:routeId}","body":{"startTime":"{prev:startTimes.0}","guestEmail":"ana@acme.example"}}""",
            Before: [BookingLinkInit]),
        new("scheduling-link-schedule", """{"routeId":"{prev:routeId}","body":{"startTime":"2099-01-05T03:17:00Z"}}""", "SLOT_NOT_OFFERED", Label: "time not offered",
            Before: [BookingLinkInit]),
        new("scheduling-link-schedule", """{"routeId":"00000000-0000-4000-8000-000000000000","body":{"startTime":"2099-01-05T15:00:00Z"}}""",
            "BOOKING_SESSION_UNKNOWN", Label: "session not opened through the gateway"),
        new("scheduling-link-schedule", """{"routeId":"00000000-0000-4000-8000-000000000000","body":{"startTime":"2099-01-05T15:00:00Z"}}""",
            "BOOKING_SESSION_UNKNOWN", CaseKey.ChiliPiperReadOnly, "read-only token, unknown session"),
        new("scheduling-link-schedule", """{"routeId":"r1","body":{"guestEmail":"ana@acme.example"}}""", "INVALID_ARGUMENT", Label: "no start time"),
        new("availability-slots", BookingSlots($$"""[{"type":"ManuallyAssigned","userId":"{{BobSellerId}}","required":true}]""")),
        new("availability-slots", BookingSlots($$"""[{"type":"DistributionAssignee","distributionId":"{{SalesRoundRobinId}}","required":true}]""",
            $$"""{"type":"AssigneeFromDistribution","distributionId":"{{SalesRoundRobinId}}"}"""), Key: CaseKey.ChiliPiperReadOnly, Label: "round robin, read-only token"),
        new("availability-slots", BookingSlots($$"""[{"type":"ManuallyAssigned","userId":"{{BobSellerId}}"}]"""), "INVALID_ARGUMENT", Label: "attendee without required"),
        new("availability-slots", BookingSlots($$"""[{"type":"ManuallyAssigned","userId":"{{BobSellerId}}","required":true}]""", meetingTypeId: "e5000000-0000-4000-8000-0000000000ff"),
            "MeetingTypeNotFound", Label: "unknown meeting type"),
    ];

    public static IEnumerable<ToolCase> Handoff =>
    [
        new("handoff-init", BookingHandoffStart.Arguments),
        new("handoff-init", $$"""{"workspaceId":"{{CustomerSuccessWorkspaceId}}","userId":"{{EveSuccessId}}","id":{"type":"LeadId","value":"00Q000000000001"},"interval":{{BookingWeek}}}""",
            Label: "CRM lead"),
        new("handoff-init", $$"""{"workspaceId":"nowhere","userId":"{{AliceAdminId}}","guestEmail":"ana@acme.example","interval":{{BookingWeek}}}""",
            "WorkspaceNotFound", Label: "unknown workspace"),
        new("handoff-init", $$"""{"workspaceId":"{{SalesWorkspaceId}}","userId":"{{AliceAdminId}}","interval":{{BookingWeek}}}""", "INVALID_ARGUMENT", Label: "no prospect"),
        new("handoff-init", BookingHandoffStart.Arguments, "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        new("handoff-schedule",
            $$"""{"routingId":"{prev:routingId}","routerId":"{prev:routers.0.routerId}","pathId":"{prev:routers.0.pathResults.0.pathId}","userId":"{{AliceAdminId}}","startTime":"{prev:routers.0.pathResults.0.startTimes.0.startTime}"}""",
            Before: [BookingHandoffStart]),
        new("handoff-schedule",
            $$"""{"routingId":"{prev:routingId}","routerId":"{prev:routers.0.routerId}","pathId":"{prev:routers.0.pathResults.0.pathId}","userId":"{{BobSellerId}}","startTime":"{prev:routers.0.pathResults.0.startTimes.0.startTime}"}""",
            "Failure", Label: "another booker", Before: [BookingHandoffStart]),
        new("handoff-schedule",
            $$"""{"routingId":"x","routerId":"{{SalesHandoffRouterId}}","pathId":"{{SalesRoundRobinPathId}}","userId":"{{AliceAdminId}}","startTime":"2099-01-05T15:00:00Z"}""",
            "BOOKING_SESSION_UNKNOWN", CaseKey.ChiliPiperReadOnly, "read-only token, unknown session"),
    ];

    public static IEnumerable<ToolCase> Concierge =>
    [
        new("concierge-list-routers", "{}"),
        new("concierge-list-routers", $$"""{"workspaceId":"{{CustomerSuccessWorkspaceId}}"}""", Key: CaseKey.ChiliPiperReadOnly, Label: "one workspace, read-only token"),
        new("concierge-route", $$"""{"routerId":"{{InboundDemoRouterId}}","form":{{BookingLead}},"interval":{{BookingWeek}}}"""),
        new("concierge-route", $$"""{"routerId":"a9000000-0000-4000-8000-0000000000ff","form":{{BookingLead}}}""", "ConciergeRouterNotFound", Label: "unknown router"),
        new("concierge-route-by-slug", BookingConciergeRouted.Arguments),
        new("concierge-route-by-slug", $$"""{"routerSlug":"{{InboundDemoRouterSlug}}","form":{{BookingLead}}}""", Label: "link only"),
        new("concierge-route-by-slug", $$"""{"routerSlug":"{{InboundDemoRouterSlug}}","form":{"CompanyName":"Acme"} }""", "EmailFieldMissing", Label: "no email"),
        new("concierge-route-by-slug", BookingConciergeRouted.Arguments, "Forbidden", CaseKey.ChiliPiperReadOnly, "read-only token"),
        new("concierge-schedule", """{"routingId":"{prev:routingId}","body":{"startTime":"{prev:startTimes.0}"}}""", Before: [BookingConciergeRouted]),
        new("concierge-schedule", """{"routingId":"{prev:routingId}","body":{"startTime":"2099-01-05T15:00:00Z"}}""", "SLOT_NOT_OFFERED", Label: "routed without interval",
            Before: [new("concierge-route-by-slug", $$"""{"routerSlug":"{{InboundDemoRouterSlug}}","form":{{BookingLead}}}""")]),
        new("concierge-schedule", """{"routingId":"x","body":{"startTime":"2099-01-05T15:00:00Z"}}""", "BOOKING_SESSION_UNKNOWN", CaseKey.ChiliPiperReadOnly, "read-only token, unknown session"),
        new("concierge-logs", $$"""{"workspaceId":"{{SalesWorkspaceId}}","routerId":"{{InboundDemoRouterId}}","start":"2026-01-01T00:00:00Z","end":"2026-01-31T00:00:00Z"}""",
            Key: CaseKey.ChiliPiperReadOnly, Label: "read-only token"),
        new("concierge-logs", $$"""{"workspaceId":"{{SalesWorkspaceId}}","routerId":"{{InboundDemoRouterId}}","start":"2026-01-01T00:00:00Z","end":"2026-03-01T00:00:00Z"}""",
            "LogsIntervalTooLong", Label: "over 30 days"),
        new("concierge-logs", $$"""{"workspaceId":"{{CustomerSuccessWorkspaceId}}","routerId":"{{InboundDemoRouterId}}","start":"2026-01-01T00:00:00Z","end":"2026-01-31T00:00:00Z"}""",
            "ConciergeRouterNotFound", Label: "router of another workspace"),
    ];

    private static string BookingSlots(string attendees, string? expectedHost = null, string meetingTypeId = IntroCallMeetingTypeId) =>
        $$"""{"expectedHost":{{expectedHost ?? $$"""{"type":"User","userId":"{{BobSellerId}}"}"""}},"attendees":{{attendees}},"meetingTypeRef":{"id":"{{meetingTypeId}}","timestamp":"2026-01-01T00:00:00Z"},"interval":{{BookingWeek}}}""";
}
