namespace Serverless.Gateway.Protocol;

/// <summary>The MCP revisions this endpoint serves and what each one demands of an HTTP request.</summary>
public static class ProtocolRevisions
{
    public const string July2026 = "2026-07-28";
    public const string November2025 = "2025-11-25";
    public const string June2025 = "2025-06-18";
    public const string March2025 = "2025-03-26";

    public const string VersionHeader = "MCP-Protocol-Version";
    public const string MethodHeader = "Mcp-Method";
    public const string NameHeader = "Mcp-Name";

    public static IReadOnlyList<string> Supported { get; } = [March2025, June2025, November2025, July2026];

    /// <summary>From 2026-07-28 on, every request carries its own protocol metadata and there is no initialize handshake.</summary>
    public static bool RequiresPerRequestMetadata(string? version) =>
        !string.IsNullOrEmpty(version) && string.CompareOrdinal(version, July2026) >= 0;

    /// <summary>The same revisions require the Mcp-Method and Mcp-Name headers.</summary>
    public static bool RequiresStandardHeaders(string? version) => RequiresPerRequestMetadata(version);
}
