namespace Serverless.Sandbox.PilotStatus;

/// <summary>Machine codes the twin emits; the gateway maps on these, so they must match the vendor's spelling.</summary>
internal static class PilotStatusErrorCodes
{
    public const string Unauthorized = "UNAUTHORIZED";
    public const string NotFound = "NOT_FOUND";
    public const string ValidationError = "VALIDATION_ERROR";
    public const string InvalidDateRange = "INVALID_DATE_RANGE";
    public const string TenantScopeNotAllowed = "TENANT_SCOPE_NOT_ALLOWED";
    public const string NumberScopeNotAllowed = "NUMBER_SCOPE_NOT_ALLOWED";
    public const string NumberRequired = "NUMBER_REQUIRED";
    public const string NumberNotFound = "NUMBER_NOT_FOUND";
    public const string NotSupportedForMeta = "NOT_SUPPORTED_FOR_META";
    public const string TemplateNotFound = "TEMPLATE_NOT_FOUND";
    public const string MissingTemplateVariables = "MISSING_TEMPLATE_VARIABLES";
    public const string MessageNotFound = "MESSAGE_NOT_FOUND";
    public const string MetaOutside24HWindow = "META_OUTSIDE_24H_WINDOW";
    public const string MetaTemplateNotApproved = "META_TEMPLATE_NOT_APPROVED";
}

internal static class PilotStatusErrors
{
    public static IResult Error(int statusCode, string code, string message, object? details = null)
        => SandboxJson.Result(new PilotStatusError(message, code, details), statusCode: statusCode);

    public static IResult Validation(string message, object? details = null)
        => Error(StatusCodes.Status400BadRequest, PilotStatusErrorCodes.ValidationError, message, details);

    public static IResult BadRequest(string code, string message, object? details = null)
        => Error(StatusCodes.Status400BadRequest, code, message, details);

    public static IResult NotFound(string code, string message)
        => Error(StatusCodes.Status404NotFound, code, message);

    public static IResult NotSupportedForMeta(string message)
        => BadRequest(PilotStatusErrorCodes.NotSupportedForMeta, message);
}
