namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// The Edge API answers request-decoding failures with a plain-text 400 and every other error with a JSON
/// <c>{errorCode, errorMessage}</c> body; clients parse the two differently, so the twin must too.
/// </summary>
internal static class ChiliPiperErrors
{
    public static IResult Json(int statusCode, string errorCode, string errorMessage)
        => SandboxJson.Result(new ChiliPiperError(errorCode, errorMessage), statusCode: statusCode);

    public static IResult InvalidQuery(string parameter) => DecodeFailure("query parameter " + parameter);

    public static IResult InvalidBody() => DecodeFailure("body");

    public static IResult UserNotFound(string userId)
        => Json(StatusCodes.Status404NotFound, "UserNotFound", $"User {userId} not found");

    public static IResult WorkspaceNotFound(string workspaceId)
        => Json(StatusCodes.Status404NotFound, "WorkspaceNotFound", $"Workspace {workspaceId} not found");

    private static IResult DecodeFailure(string input)
        => Results.Text("Invalid value for: " + input, "text/plain", System.Text.Encoding.UTF8, StatusCodes.Status400BadRequest);
}
