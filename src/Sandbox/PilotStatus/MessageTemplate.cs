using System.Text.RegularExpressions;

namespace Serverless.Sandbox.PilotStatus;

public sealed partial class MessageTemplate
{
    public required string Id { get; init; }

    public required string NumberId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>MARKETING</c>, <c>UTILITY</c> or <c>OTP</c>.</summary>
    public required string Category { get; init; }

    public required string Body { get; set; }

    public required IReadOnlyList<string> Variables { get; set; }

    /// <summary><c>META</c> or <c>PILOT_STATUS</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Meta approval state (<c>APPROVED</c>, <c>PENDING</c>, …); null for non-Meta templates.</summary>
    public string? MetaStatus { get; set; }

    public string? MetaLanguage { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Meta only delivers approved Meta templates; Evolution numbers can send any of their templates.</summary>
    public bool IsSendableOn(WhatsAppNumber number)
        => !number.IsMeta || (Source == WhatsAppProviders.Meta && MetaStatus == "APPROVED");

    public string Render(IReadOnlyDictionary<string, string> values)
        => VariablePattern().Replace(Body, match => values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);

    public static IReadOnlyList<string> ExtractVariables(string body)
        => VariablePattern().Matches(body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex VariablePattern();
}
