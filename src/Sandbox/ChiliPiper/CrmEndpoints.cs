namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Meetings addressed by their CRM event id; they behave exactly like the meeting-id endpoints.</summary>
internal static class CrmEndpoints
{
    public static IEndpointRouteBuilder MapCrmEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/crm/get/{crmEventId}", ChiliPiperOperations.CrmGet, state,
            call => WithLinkedMeeting(call, MeetingsEndpoints.Read));
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/crm/cancel/{crmEventId}", ChiliPiperOperations.CrmCancel, state,
            call => WithLinkedMeeting(call, MeetingsEndpoints.Cancel));
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/crm/noshow/{crmEventId}", ChiliPiperOperations.CrmNoShow, state,
            call => WithLinkedMeeting(call, MeetingsEndpoints.NoShow));
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/crm/activity/{crmEventId}", ChiliPiperOperations.CrmActivity, state,
            call => WithLinkedMeeting(call, MeetingsEndpoints.Activity));
        return routes;
    }

    private static IResult WithLinkedMeeting(ChiliPiperCall call, Func<ChiliPiperCall, Meeting, IResult> handle)
    {
        var crmEventId = call.Route("crmEventId") ?? string.Empty;
        var meeting = call.State.Meetings.FindMeetingByCrmEventId(crmEventId);
        return meeting is null
            ? MeetingsEndpoints.MeetingNotFound($"No meeting is linked to CRM event {crmEventId}")
            : handle(call, meeting);
    }
}
