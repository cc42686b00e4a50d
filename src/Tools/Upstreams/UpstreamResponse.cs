namespace Serverless.Tools.Upstreams;

/// <summary>A successful upstream answer: its status and parsed JSON body (null when empty).</summary>
public sealed record UpstreamResponse(int Status, JsonNode? Body, string? ContentType, string RawText);
