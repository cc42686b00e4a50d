using System.Text.RegularExpressions;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// A message template of one number. <see cref="Body"/>, <see cref="Variables"/> and <see cref="MetaStatus"/> describe
/// the current (latest) version; earlier versions stay in <see cref="Versions"/>, because on a Meta number an
/// approved older version keeps the template sendable while a newer one waits for review.
/// </summary>
public sealed partial class MessageTemplate
{
    public const string Approved = "APPROVED";
    public const string Pending = "PENDING";

    /// <summary>How long the twin's Meta review of a submitted version takes.</summary>
    public static readonly TimeSpan ReviewDelay = TimeSpan.FromSeconds(5);

    public required string Id { get; init; }

    public required string NumberId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>MARKETING</c>, <c>UTILITY</c> or <c>OTP</c>.</summary>
    public required string Category { get; init; }

    /// <summary>Body text of the current version, with <c>{{name}}</c> placeholders.</summary>
    public required string Body { get; set; }

    /// <summary>Every variable a send must fill: body, text header and dynamic URL button.</summary>
    public required IReadOnlyList<string> Variables { get; set; }

    /// <summary><c>META</c> or <c>PILOT_STATUS</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Meta approval state of the current version (<c>APPROVED</c>, <c>PENDING</c>, …); null for non-Meta templates.</summary>
    public string? MetaStatus { get; set; }

    public string? MetaLanguage { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    internal List<TemplateVersion> VersionList { get; } = [];

    /// <summary>Versions oldest first; the last one is the current content.</summary>
    public IReadOnlyList<TemplateVersion> Versions => VersionList.ToArray();

    public TemplateVersion? CurrentVersion => VersionList.Count == 0 ? null : VersionList[^1];

    /// <summary>The newest version Meta approved, which is what a Meta number actually sends.</summary>
    public TemplateVersion? ApprovedVersion => VersionList.LastOrDefault(v => v.MetaStatus == Approved);

    /// <summary>Meta only delivers approved Meta templates; Evolution numbers can send any of their templates.</summary>
    public bool IsSendableOn(WhatsAppNumber number)
        => !number.IsMeta || (Source == WhatsAppProviders.Meta && (MetaStatus == Approved || ApprovedVersion is not null));

    /// <summary>Fills the placeholders; a Meta template under review renders its last approved text, as Meta would send it.</summary>
    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var text = Source == WhatsAppProviders.Meta && MetaStatus != Approved && ApprovedVersion is { } approved ? approved.BodyText : Body;
        return VariablePattern().Replace(text, match => values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);
    }

    public static IReadOnlyList<string> ExtractVariables(string body)
        => VariablePattern().Matches(body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Makes <paramref name="version"/> the current content. Must run under the state lock.</summary>
    internal void AddVersion(TemplateVersion version)
    {
        VersionList.Add(version);
        Body = version.BodyText;
        Variables = version.Variables;
        MetaStatus = version.MetaStatus;
        MetaLanguage = version.Language ?? MetaLanguage;
        UpdatedAt = version.CreatedAt;
    }

    /// <summary>Completes every review due by <paramref name="now"/>; idempotent for a given time.</summary>
    internal void Review(DateTimeOffset now)
    {
        foreach (var version in VersionList)
        {
            if (version.MetaStatus == Pending && version.ReviewDueAt is { } due && due <= now)
            {
                version.MetaStatus = Approved;
                version.ReviewedAt = due;
                if (ReferenceEquals(version, CurrentVersion))
                {
                    MetaStatus = Approved;
                }
            }
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    internal static partial Regex VariablePattern();
}

/// <summary>One submitted content of a template.</summary>
public sealed class TemplateVersion
{
    public required int Number { get; init; }

    /// <summary>Normalized structure <c>{ header?, body: { text }, footer?, buttons? }</c>.</summary>
    public required JsonObject Content { get; init; }

    public required string BodyText { get; init; }

    public required IReadOnlyList<string> Variables { get; init; }

    public IReadOnlyDictionary<string, string> Examples { get; init; } = new Dictionary<string, string>();

    public string? Language { get; init; }

    /// <summary>Meta review state; null on numbers without review.</summary>
    public string? MetaStatus { get; internal set; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the twin's Meta review approves this version; null when nothing is under review (seeded or local).</summary>
    public DateTimeOffset? ReviewDueAt { get; init; }

    public DateTimeOffset? ReviewedAt { get; internal set; }
}
