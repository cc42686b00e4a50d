using System.Text;
using Serverless.Tools.Catalog;

namespace Serverless.Tools.Tests.Docs;

/// <summary>The README's tool table is generated from the catalog; this keeps it from drifting.</summary>
public sealed class ReadmeToolTableTests
{
    private const string Begin = "<!-- tools:begin -->";
    private const string End = "<!-- tools:end -->";

    private static string ReadmePath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "README.md"));

    public static string Table(ToolCatalog catalog)
    {
        static string YesNo(bool? value) => value == true ? "yes" : "no";
        var table = new StringBuilder();
        table.Append("| tool | upstream | toolset | read-only | destructive | idempotent |\n|---|---|---|---|---|---|\n");
        foreach (var entry in catalog.Entries.OrderBy(e => e.Upstream).ThenBy(e => Array.IndexOf([.. Toolsets.All.Keys], e.Toolset)).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            var hints = entry.Hints;
            table.Append($"| `{entry.Name}` | {entry.Upstream.DisplayName()} | {entry.Toolset} | {YesNo(hints.ReadOnlyHint)} | {YesNo(hints.DestructiveHint)} | {YesNo(hints.IdempotentHint)} |\n");
        }

        return table.ToString();
    }

    [Fact]
    public async Task The_readme_tool_table_matches_the_catalog()
    {
        var path = ReadmePath();
        var readme = await File.ReadAllTextAsync(path);
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README.md needs the tools:begin/tools:end markers");

        var expected = Table(ToolCatalog.CreateDefault());
        var actual = readme[(start + Begin.Length)..end].Trim('\n') + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && actual != expected)
        {
            await File.WriteAllTextAsync(path, readme[..(start + Begin.Length)] + "\n" + expected + readme[end..]);
            actual = expected;
        }

        Assert.Equal(expected, actual);
    }
}
