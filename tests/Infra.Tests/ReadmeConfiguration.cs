using System.Text.RegularExpressions;

namespace Serverless.Infra.Tests;

/// <summary>Setting names documented in the README's configuration table.</summary>
internal static partial class ReadmeConfiguration
{
    public static IReadOnlySet<string> SettingNames()
    {
        var lines = File.ReadAllLines(Repository.File("README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "## Configuration");
        Assert.True(start >= 0, "README.md has no ## Configuration section");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }
            var firstCell = line.Split('|', StringSplitOptions.TrimEntries)[1];
            foreach (Match m in Code().Matches(firstCell))
            {
                names.Add(m.Groups[1].Value);
            }
        }
        return names;
    }

    [GeneratedRegex("`([^`]+)`", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}
