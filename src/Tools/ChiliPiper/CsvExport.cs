using System.Text;

namespace Serverless.Tools.ChiliPiper;

/// <summary>A CSV export, possibly shortened to a byte budget.</summary>
/// <param name="IncludedRows">Data rows kept (the header row is not counted).</param>
/// <param name="TotalRows">Data rows the upstream sent.</param>
internal sealed record CsvCut(string Text, int IncludedRows, int TotalRows, bool Truncated);

internal static class CsvExport
{
    /// <summary>
    /// Keeps the header and as many whole rows as fit in <paramref name="maxBytes"/> UTF-8 bytes. Rows end at a
    /// line break outside quotes, so a quoted field holding a line break never splits a row.
    /// </summary>
    public static CsvCut Cut(string csv, int maxBytes)
    {
        var ends = RecordEnds(csv);
        var total = 0;
        for (var i = 1; i < ends.Count; i++)
        {
            if (!IsBlank(csv, ends[i - 1], ends[i]))
            {
                total++;
            }
        }

        if (Encoding.UTF8.GetByteCount(csv) <= maxBytes)
        {
            return new CsvCut(csv, total, total, false);
        }

        var used = Encoding.UTF8.GetByteCount(csv.AsSpan(0, ends[0]));
        var cut = ends[0];
        var included = 0;
        for (var i = 1; i < ends.Count; i++)
        {
            var size = Encoding.UTF8.GetByteCount(csv.AsSpan(ends[i - 1], ends[i] - ends[i - 1]));
            if (used + size > maxBytes)
            {
                break;
            }

            used += size;
            cut = ends[i];
            if (!IsBlank(csv, ends[i - 1], ends[i]))
            {
                included++;
            }
        }

        return new CsvCut(csv[..cut], included, total, true);
    }

    /// <summary>The exclusive end of every record, its line break included; the first record is the header.</summary>
    private static List<int> RecordEnds(string csv)
    {
        var ends = new List<int>();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            switch (csv[i])
            {
                case '"':
                    // A doubled quote inside a quoted field toggles twice, which leaves the state as it was.
                    quoted = !quoted;
                    break;
                case '\n' when !quoted:
                    ends.Add(i + 1);
                    break;
            }
        }

        if (ends.Count == 0 || ends[^1] < csv.Length)
        {
            ends.Add(csv.Length);
        }

        return ends;
    }

    private static bool IsBlank(string csv, int start, int end) => csv.AsSpan(start, end - start).IsWhiteSpace();
}
