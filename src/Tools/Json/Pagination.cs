using System.ComponentModel;

namespace Serverless.Tools.Json;

/// <summary>Chili Piper's paging arguments, grouped as the vendor's own MCP tools group them.</summary>
public sealed record Pagination(
    [property: Description("Zero-based page number (default 0).")] int? Page = null,
    [property: Description("Items per page (default 10, at most 50).")] int? PageSize = null);
