namespace Serverless.Sandbox.PilotStatus;

/// <summary>Which key kinds an endpoint accepts (mirrors the vendor's per-endpoint scope rules).</summary>
internal enum KeyRequirement
{
    /// <summary>Per-number action/data endpoints; a tenant key gets 403 TENANT_SCOPE_NOT_ALLOWED.</summary>
    Number,

    /// <summary>Account-level endpoints; a number key gets 403 NUMBER_SCOPE_NOT_ALLOWED.</summary>
    Tenant,

    /// <summary>Both kinds; a tenant key may pick a number with <c>x-whatsapp-number-id</c>.</summary>
    Either,
}

/// <param name="Key">The key the request authenticated with.</param>
/// <param name="Number">The key's own number, or for a tenant key the number named by <c>x-whatsapp-number-id</c>.</param>
internal sealed record PilotStatusCaller(PilotStatusApiKey Key, WhatsAppNumber? Number);

internal static class PilotStatusAuth
{
    public const string ApiKeyHeader = "x-api-key";
    public const string ApiKeyIdHeader = "x-api-key-id";
    public const string NumberIdHeader = "x-whatsapp-number-id";

    /// <summary>Resolves the caller or returns the error response the vendor would send. Must run under the state lock.</summary>
    public static IResult? Authenticate(HttpContext http, PilotStatusState state, KeyRequirement requirement, out PilotStatusCaller? caller)
    {
        caller = null;
        var headers = http.Request.Headers;
        string? secret = headers[ApiKeyHeader];
        string? keyId = headers[ApiKeyIdHeader];

        PilotStatusApiKey? key;
        if (!string.IsNullOrWhiteSpace(secret))
        {
            key = state.FindKeyBySecret(secret.Trim());
        }
        else if (!string.IsNullOrWhiteSpace(keyId))
        {
            key = state.FindKeyById(keyId.Trim());
        }
        else
        {
            return Unauthorized("Missing API key. Send it in the x-api-key header (or its id in x-api-key-id).");
        }

        if (key is null)
        {
            return Unauthorized("Invalid API key.");
        }

        if (key.Scope == ApiKeyScope.Tenant && requirement == KeyRequirement.Number)
        {
            return PilotStatusErrors.Error(StatusCodes.Status403Forbidden, PilotStatusErrorCodes.TenantScopeNotAllowed,
                "This endpoint requires a number-scoped API key; tenant-scoped keys cannot act on a number's messages.");
        }

        if (key.Scope == ApiKeyScope.Number && requirement == KeyRequirement.Tenant)
        {
            return PilotStatusErrors.Error(StatusCodes.Status403Forbidden, PilotStatusErrorCodes.NumberScopeNotAllowed,
                "This endpoint requires the tenant-scoped API key.");
        }

        WhatsAppNumber? number = null;
        if (key.Scope == ApiKeyScope.Number)
        {
            number = key.NumberId is null ? null : state.FindNumber(key.TenantId, key.NumberId);
            if (number is null)
            {
                return PilotStatusErrors.BadRequest(PilotStatusErrorCodes.NumberNotFound, "This API key is not bound to a WhatsApp number.");
            }
        }
        else if (headers[NumberIdHeader].ToString() is { Length: > 0 } requestedNumberId)
        {
            number = state.FindNumber(key.TenantId, requestedNumberId.Trim());
            if (number is null)
            {
                return PilotStatusErrors.NotFound(PilotStatusErrorCodes.NumberNotFound, "WhatsApp number not found.");
            }
        }

        caller = new PilotStatusCaller(key, number);
        return null;
    }

    private static IResult Unauthorized(string message)
        => PilotStatusErrors.Error(StatusCodes.Status401Unauthorized, PilotStatusErrorCodes.Unauthorized, message);
}
