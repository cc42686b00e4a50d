using System.Text.RegularExpressions;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Search;

/// <summary>
/// Ranks the tools a route offers against a few words: a word in the tool's name counts most, then its title,
/// then its description and parameter names. Plain word matching is enough for 108 tools with vendor names,
/// and it needs no index, so every stateless request can search afresh.
/// </summary>
public static partial class CatalogSearch
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "by", "for", "from", "in", "my", "of", "on", "or", "the", "to", "with",
    };

    public sealed record Hit(ToolEntry Entry, int Score);

    public static IReadOnlyList<Hit> Find(IEnumerable<ToolEntry> candidates, string? query, string? toolset, bool? readOnly)
    {
        var words = Words(query);
        var hits = new List<Hit>();
        foreach (var entry in candidates)
        {
            if ((toolset is not null && entry.Toolset != toolset) || (readOnly is { } wanted && entry.ReadOnly != wanted))
            {
                continue;
            }

            var score = words.Count == 0 ? 0 : Score(entry, words);
            if (words.Count == 0 || score > 0)
            {
                hits.Add(new Hit(entry, score));
            }
        }

        // A stable sort keeps the catalog's own order among equal scores.
        return [.. hits.OrderByDescending(h => h.Score)];
    }

    /// <summary>The query's words, lower-cased, without stop words and with a plural "s" dropped so "meetings" finds "meeting-get".</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        [.. NonWord().Split((query ?? "").ToLowerInvariant())
            .Where(w => w.Length > 0 && !StopWords.Contains(w))
            .Select(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w)
            .Distinct(StringComparer.Ordinal)
            .Take(12)];

    private static int Score(ToolEntry entry, IReadOnlyList<string> words)
    {
        var tool = entry.Tool.ProtocolTool;
        var name = tool.Name.ToLowerInvariant();
        var title = (tool.Title ?? "").ToLowerInvariant();
        var text = ((tool.Description ?? "") + " " + entry.Toolset + " " + ParameterNames(tool)).ToLowerInvariant();
        var score = 0;
        foreach (var word in words)
        {
            score += name.Contains(word, StringComparison.Ordinal) ? 4
                : title.Contains(word, StringComparison.Ordinal) ? 2
                : text.Contains(word, StringComparison.Ordinal) ? 1
                : 0;
        }

        return score;
    }

    private static string ParameterNames(ModelContextProtocol.Protocol.Tool tool) =>
        tool.InputSchema.TryGetProperty("properties", out var properties) && properties.ValueKind == System.Text.Json.JsonValueKind.Object
            ? string.Join(' ', properties.EnumerateObject().Select(p => p.Name))
            : "";

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
