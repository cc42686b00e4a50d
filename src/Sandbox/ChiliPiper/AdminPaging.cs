namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// Paging of the admin lists, whose defaults differ from the user endpoints: rules and distributions default to 200
/// items, and the PUT lists take page/pageSize as flat body fields rather than query parameters.
/// </summary>
internal static class AdminPaging
{
    public const long LargeDefault = 200;

    /// <summary>No maximum is published for these lists; this bound only keeps a demo response readable.</summary>
    public const long LargeMaximum = 1000;

    public static IResult? FromQuery(IQueryCollection query, long defaultSize, long maxSize, out ChiliPiperPage page)
    {
        page = default;
        if (!TryRead(query, "page", 0, out var number) || number < 0)
        {
            return ChiliPiperErrors.InvalidQuery("page");
        }

        if (!TryRead(query, "pageSize", defaultSize, out var size) || size < 1 || size > maxSize)
        {
            return ChiliPiperErrors.InvalidQuery("pageSize");
        }

        page = new ChiliPiperPage(number, size);
        return null;
    }

    /// <summary>Reads flat <c>page</c>/<c>pageSize</c> members; false when either is present but not a valid integer.</summary>
    public static bool TryFromBody(JsonElement body, long defaultSize, long maxSize, out ChiliPiperPage page)
    {
        page = default;
        if (!TryMember(body, "page", 0, out var number) || number < 0
            || !TryMember(body, "pageSize", defaultSize, out var size) || size < 1 || size > maxSize)
        {
            return false;
        }

        page = new ChiliPiperPage(number, size);
        return true;
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

    private static bool TryMember(JsonElement body, string name, long fallback, out long value)
    {
        value = fallback;
        if (!body.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }
}
