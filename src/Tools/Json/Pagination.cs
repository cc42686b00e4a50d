namespace Serverless.Tools.Json;

/// <summary>Chili Piper's paging arguments, grouped as the vendor's own MCP tools group them.</summary>
public sealed record Pagination(
    int? Page = null,
    int? PageSize = null);
