namespace Serverless.Tools.ChiliPiper;

/// <summary>Chili Piper's JSON error body for every non-2xx status except 400.</summary>
public sealed record ChiliPiperErrorBody(string? ErrorCode, string? ErrorMessage, Dictionary<string, string>? Arguments);
