namespace Serverless.Tools.Catalog;

/// <summary>
/// The hints tools/list carries. Every tool declares all four in code (the catalog lint checks it, and
/// <see cref="ToolEntry.Hints"/> keeps the declaration); the wire leaves out what the MCP defaults already say
/// (readOnly false, destructive true, idempotent false, openWorld true), and destructive and idempotent on a
/// read-only tool, where the specification gives them no meaning. That is about 2,000 tokens of a full catalog.
/// destructiveHint stays on every write: a client that ignores the defaults then still knows which writes destroy.
/// </summary>
public static class WireHints
{
    public static ToolAnnotations Compact(ToolAnnotations declared)
    {
        var readOnly = declared.ReadOnlyHint ?? false;
        return new ToolAnnotations
        {
            ReadOnlyHint = readOnly ? true : null,
            DestructiveHint = readOnly ? null : declared.DestructiveHint ?? true,
            IdempotentHint = !readOnly && declared.IdempotentHint == true ? true : null,
            OpenWorldHint = declared.OpenWorldHint == false ? false : null,
        };
    }

    /// <summary>What a client that applies the MCP defaults reads from hints as sent.</summary>
    public static (bool ReadOnly, bool Destructive, bool Idempotent, bool OpenWorld) Effective(ToolAnnotations? sent)
    {
        var readOnly = sent?.ReadOnlyHint ?? false;
        return (readOnly,
            !readOnly && (sent?.DestructiveHint ?? true),
            readOnly || (sent?.IdempotentHint ?? false),
            sent?.OpenWorldHint ?? true);
    }
}
