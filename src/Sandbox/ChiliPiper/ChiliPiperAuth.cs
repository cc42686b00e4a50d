using Microsoft.Net.Http.Headers;

namespace Serverless.Sandbox.ChiliPiper;

internal static class ChiliPiperAuth
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Resolves the token and checks the operation's permission. Must run under the state lock.</summary>
    public static IResult? Authorize(HttpContext http, ChiliPiperState state, ChiliPiperOperation operation, out ChiliPiperApiToken? token)
    {
        token = null;
        var header = http.Request.Headers[HeaderNames.Authorization].ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return Unauthorized("Missing Authorization header; send 'Authorization: Bearer <token>'.");
        }

        // The scheme word is mandatory: a bare key is rejected exactly like an unknown one.
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return Unauthorized("Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'.");
        }

        token = state.FindToken(header[BearerPrefix.Length..].Trim());
        if (token is null)
        {
            return Unauthorized("Invalid or revoked API token.");
        }

        if (!token.HasPermission(operation.Permission))
        {
            return ChiliPiperErrors.Json(StatusCodes.Status403Forbidden, "Forbidden",
                $"Missing permission {operation.Permission} required by operation {operation.OperationId}");
        }

        return null;
    }

    private static IResult Unauthorized(string message)
        => ChiliPiperErrors.Json(StatusCodes.Status401Unauthorized, "Unauthorized", message);
}
