using System.Globalization;

namespace Serverless.Tools.ChiliPiper;

/// <summary>One area of the Chili Piper API, sent through <see cref="ChiliPiperClient"/>; pages the way every Chili Piper list does.</summary>
public abstract class ChiliPiperArea(ChiliPiperClient upstream) : UpstreamArea(upstream)
{
    protected static KeyValuePair<string, string?>[] Paging(Pagination? pagination) =>
    [
        new("page", pagination?.Page?.ToString(CultureInfo.InvariantCulture)),
        new("pageSize", pagination?.PageSize?.ToString(CultureInfo.InvariantCulture)),
    ];
}
