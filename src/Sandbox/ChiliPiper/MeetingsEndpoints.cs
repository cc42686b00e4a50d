using Microsoft.Net.Http.Headers;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Meetings: listing, export, reading, cancel, no-show and the admin activity link.</summary>
internal static class MeetingsEndpoints
{
    public static IEndpointRouteBuilder MapMeetingsEndpoints(this IEndpointRouteBuilder routes, ChiliPiperState state)
    {
        routes.MapChiliPiperOperation(HttpMethods.Put, "/v2/org/meetings/meetings", ChiliPiperOperations.MeetingListPut, state, List);
        routes.MapChiliPiperOperation(HttpMethods.Put, "/v3/org/meetings/meetings/export", ChiliPiperOperations.MeetingExportV2Put, state, Export);
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/meetings/get/{meetingId}", ChiliPiperOperations.MeetingGet, state,
            call => WithMeeting(call, Read));
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/meetings/cancel/{meetingId}", ChiliPiperOperations.MeetingCancel, state,
            call => WithMeeting(call, Cancel));
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/meetings/noshow/{meetingId}", ChiliPiperOperations.MeetingNoShow, state,
            call => WithMeeting(call, NoShow));
        routes.MapChiliPiperOperation(HttpMethods.Get, "/v1/org/meetings/activity/{meetingId}", ChiliPiperOperations.MeetingActivity, state,
            call => WithMeeting(call, Activity));
        return routes;
    }

    internal static IResult Read(ChiliPiperCall call, Meeting meeting)
        => SandboxJson.Result(new MeetingRecordResponse(MeetingViews.Record(call.State, meeting), "No"));

    internal static IResult Cancel(ChiliPiperCall call, Meeting meeting) => ActionResult(call.State.Meetings.CancelMeeting(meeting));

    internal static IResult NoShow(ChiliPiperCall call, Meeting meeting) => ActionResult(call.State.Meetings.MarkNoShow(meeting));

    internal static IResult Activity(ChiliPiperCall call, Meeting meeting)
        => SandboxJson.Result(new MeetingActivityLink(MeetingViews.ActivityUrl(call.State, meeting)));

    internal static IResult MeetingNotFound(string message)
        => ChiliPiperErrors.Json(StatusCodes.Status404NotFound, "MeetingNotFound", message);

    /// <summary>A path value the vendor's decoder would refuse (for example a meeting id that is not a UUID).</summary>
    internal static IResult InvalidPath(string parameter) => DecodeFailure("path parameter " + parameter);

    private static IResult DecodeFailure(string input)
        => Results.Text("Invalid value for: " + input, "text/plain", System.Text.Encoding.UTF8, StatusCodes.Status400BadRequest);

    private static IResult WithMeeting(ChiliPiperCall call, Func<ChiliPiperCall, Meeting, IResult> handle)
    {
        var meetingId = call.Route("meetingId") ?? string.Empty;
        if (!Guid.TryParse(meetingId, out _))
        {
            return InvalidPath("meetingId");
        }

        var meeting = call.State.MeetingList.Find(m => string.Equals(m.Id, meetingId, StringComparison.OrdinalIgnoreCase));
        return meeting is null ? MeetingNotFound($"Meeting {meetingId} not found") : handle(call, meeting);
    }

    // Business refusals travel inside a 200, so callers must read the type, not only the status.
    private static IResult ActionResult(string? failure)
        => SandboxJson.Result(failure is null ? new MeetingActionResult("Success") : new MeetingActionResult("Failure", failure));

    private static IResult List(ChiliPiperCall call, JsonBody body)
    {
        if (Query(call, body, MeetingQuery.ListKeys, out var query, out var matches) is { } refusal)
        {
            return refusal;
        }

        var skip = query!.Page * query.PageSize;
        var page = skip >= matches!.Count ? [] : matches.Skip((int)skip).Take((int)query.PageSize).ToArray();
        var more = skip + page.Length < matches.Count;
        return SandboxJson.Result(
            new MeetingListResponse(new MeetingListData(page.Select(m => MeetingViews.Item(call.State, m)).ToArray()), more ? "Yes" : "No", more));
    }

    private static IResult Export(ChiliPiperCall call, JsonBody body)
    {
        if (Query(call, body, MeetingQuery.ExportKeys, out var query, out var matches) is { } refusal)
        {
            return refusal;
        }

        var name = $"meetings-export-{Stamp(query!.Start)}-{Stamp(query.End)}.csv";
        call.Http.Response.Headers[HeaderNames.ContentDisposition] = $"attachment; filename=\"{name}\"";
        return Results.Text(MeetingCsv.Write(call.State, matches!), "text/csv; charset=utf-8");
    }

    private static IResult? Query(ChiliPiperCall call, JsonBody body, IReadOnlySet<string> keys, out MeetingQuery? query, out IReadOnlyList<Meeting>? matches)
    {
        matches = null;
        if (!MeetingQuery.TryParse(body, keys, out query))
        {
            return ChiliPiperErrors.InvalidBody();
        }

        // The range rule is checked after decoding and still answers as a decoding failure (plain-text 400).
        if (!query!.WindowIsValid)
        {
            return DecodeFailure("body (end must be after start and at most 7 days later)");
        }

        var state = call.State;
        var selected = query;
        matches = state.MeetingList
            .Where(m => selected.Matches(m, state.Meetings.StatusOf(m)))
            .OrderBy(m => m.Start)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToArray();
        return null;
    }

    private static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);
}
