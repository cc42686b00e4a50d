namespace Serverless.Sandbox.PilotStatus;

internal readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;

    public IReadOnlyList<T> Slice<T>(IEnumerable<T> ordered) => ordered.Skip((Page - 1) * PageSize).Take(PageSize).ToArray();

    public int TotalPages(int total) => total == 0 ? 0 : (total + PageSize - 1) / PageSize;
}

internal readonly record struct DateRange(DateTimeOffset? Start, DateTimeOffset? End)
{
    public bool Contains(DateTimeOffset instant) => (Start is null || instant >= Start) && (End is null || instant <= End);
}

/// <summary>Shared parsing of the vendor's page/pageSize and startDate/endDate query conventions.</summary>
internal static class PilotStatusQuery
{
    public static IResult? ParsePage(IQueryCollection query, out PageRequest page)
    {
        page = new PageRequest(1, PageRequest.DefaultPageSize);

        if (!TryReadInt(query, "page", 1, out var pageNumber) || pageNumber < 1)
        {
            return PilotStatusErrors.Validation("page must be an integer greater than or equal to 1.");
        }

        if (!TryReadInt(query, "pageSize", PageRequest.DefaultPageSize, out var pageSize) || pageSize is < 1 or > PageRequest.MaxPageSize)
        {
            return PilotStatusErrors.Validation($"pageSize must be an integer between 1 and {PageRequest.MaxPageSize}.");
        }

        page = new PageRequest(pageNumber, pageSize);
        return null;
    }

    public static IResult? ParseDateRange(IQueryCollection query, out DateRange range)
    {
        range = default;

        if (!TryReadInstant(query, "startDate", out var start))
        {
            return PilotStatusErrors.Validation("startDate must be an ISO-8601 date or date-time.");
        }

        if (!TryReadInstant(query, "endDate", out var end))
        {
            return PilotStatusErrors.Validation("endDate must be an ISO-8601 date or date-time.");
        }

        if (start is not null && end is not null && start > end)
        {
            return PilotStatusErrors.BadRequest(PilotStatusErrorCodes.InvalidDateRange, "startDate must be before or equal to endDate.");
        }

        range = new DateRange(start, end);
        return null;
    }

    private static bool TryReadInt(IQueryCollection query, string name, int fallback, out int value)
    {
        var raw = query[name].ToString();
        if (string.IsNullOrWhiteSpace(raw))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryReadInstant(IQueryCollection query, string name, out DateTimeOffset? value)
    {
        value = null;
        var raw = query[name].ToString();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        if (!SandboxHttp.TryParseInstant(raw, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
