namespace Serverless.Tools.PilotStatus;

/// <summary>Pilot Status error body: <c>{ error, code, details? }</c>; <c>code</c> is not always sent.</summary>
public sealed record PilotStatusErrorBody(string? Error, string? Code, JsonElement? Details);
