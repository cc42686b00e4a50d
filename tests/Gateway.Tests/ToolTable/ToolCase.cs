namespace Serverless.Gateway.Tests.ToolTable;

/// <summary>Which sandbox credential a case calls with.</summary>
public enum CaseKey
{
    /// <summary>Number key of num_sandbox_1 (Meta) plus the Chili Piper admin token.</summary>
    MetaNumber,

    /// <summary>Number key of num_sandbox_2 (QR-paired, Evolution) plus the Chili Piper admin token.</summary>
    EvolutionNumber,

    /// <summary>The Pilot Status tenant key plus the Chili Piper admin token.</summary>
    Tenant,

    /// <summary>Only the Chili Piper read-only token (writes get 403).</summary>
    ChiliPiperReadOnly,
}

/// <summary>A call made before the case's own call; its structured result feeds <c>{prev:path}</c> placeholders.</summary>
public sealed record ToolStep(string Tool, string Arguments);

/// <summary>
/// One row of the table-driven test: a tool call through a real MCP client against the sandbox, and what it must
/// return. <paramref name="Arguments"/> is a JSON object; <c>{prev:a.b}</c> inside it is replaced by the string at
/// <c>a.b</c> in the structured result of the last <paramref name="Before"/> step (array indexes allowed: <c>items.0.id</c>).
/// </summary>
/// <param name="ExpectedError">Null: the call must succeed. Otherwise the vendor code (or argument error code) the
/// error result must carry.</param>
/// <param name="Label">Distinguishes several rows of one tool in test names.</param>
public sealed record ToolCase(
    string Tool,
    string Arguments,
    string? ExpectedError = null,
    CaseKey Key = CaseKey.MetaNumber,
    string Label = "valid",
    ToolStep[]? Before = null)
{
    public override string ToString() => $"{Tool} [{Label}]";
}
