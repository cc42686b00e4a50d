namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Zero-based page/pageSize query convention of the Edge API.</summary>
internal readonly record struct ChiliPiperPage(long Page, long PageSize)
{
    public const long DefaultPageSize = 10;
    public const long MaxPageSize = 50;

    public IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items)
    {
        var skip = Page * PageSize;
        return skip >= items.Count ? [] : items.Skip((int)skip).Take((int)PageSize).ToArray();
    }

    public static IResult? Parse(IQueryCollection query, out ChiliPiperPage page, long maxPageSize = MaxPageSize)
    {
        page = default;
        if (!TryRead(query, "page", 0, out var number) || number < 0)
        {
            return ChiliPiperErrors.InvalidQuery("page");
        }

        if (!TryRead(query, "pageSize", DefaultPageSize, out var size) || size < 1 || size > maxPageSize)
        {
            return ChiliPiperErrors.InvalidQuery("pageSize");
        }

        page = new ChiliPiperPage(number, size);
        return null;
    }

    private static bool TryRead(IQueryCollection query, string name, long fallback, out long value)
    {
        if (!query.TryGetValue(name, out var raw))
        {
            value = fallback;
            return true;
        }

        return long.TryParse(raw.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
