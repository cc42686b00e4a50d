using System.Text.Json;
using Azure.Data.Tables;

namespace Serverless.Gateway.Booking.Stores;

/// <summary>
/// How one session is laid out as a table row. The keys are the SHA-256 of the session key in hex: legal
/// whatever the upstream's session id holds (Table keys forbid / \ # ? and control characters), of fixed
/// length, and spread evenly over partitions. The session itself is its JSON, cut into binary properties
/// that each stay under Table's 64 KiB property limit; the row stays under the 1 MiB entity limit.
/// </summary>
public static class TableSessionRow
{
    /// <summary>Table's limit for one binary property.</summary>
    public const int PartBytes = 64 * 1024;

    public const int MaxParts = 14;

    /// <summary>The largest session, as UTF-8 JSON, one row holds (896 KiB).</summary>
    public const int MaxSessionBytes = PartBytes * MaxParts;

    public const string RowKey = "session";

    private const string PartsProperty = "Parts";
    private const string VersionProperty = "Version";
    private const string RetainUntilProperty = "RetainUntil";

    public static string PartitionKeyOf(string sessionKey) => SessionKeyDigest.Of(sessionKey);

    /// <summary>The session's JSON; refused with <see cref="BookingSessionTooLargeException"/> past <see cref="MaxSessionBytes"/>.</summary>
    public static byte[] Serialize(BookingSession session)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(session, BookingSessionJson.Default.BookingSession);
        return json.Length <= MaxSessionBytes ? json : throw new BookingSessionTooLargeException(json.Length, MaxSessionBytes);
    }

    public static TableEntity ToEntity(BookingSession session, byte[] json)
    {
        var entity = new TableEntity(PartitionKeyOf(session.Key), RowKey)
        {
            [VersionProperty] = session.Version,
            // Kept outside the JSON too, so an operator can find forgotten rows with a filter.
            [RetainUntilProperty] = session.RetainUntil,
        };
        var parts = 0;
        for (var offset = 0; offset < json.Length || parts == 0; offset += PartBytes, parts++)
        {
            entity[PartName(parts)] = json.AsSpan(offset, Math.Min(PartBytes, json.Length - offset)).ToArray();
        }

        entity[PartsProperty] = parts;
        return entity;
    }

    /// <summary>The stored JSON, or null when the row is not one this store wrote.</summary>
    public static byte[]? JsonOf(TableEntity entity)
    {
        if (entity.GetInt32(PartsProperty) is not { } parts || parts is < 1 or > MaxParts)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        for (var i = 0; i < parts; i++)
        {
            if (entity.GetBinary(PartName(i)) is not { } part)
            {
                return null;
            }

            buffer.Write(part);
        }

        return buffer.ToArray();
    }

    public static BookingSession? Deserialize(byte[] json, string expectedKey)
    {
        BookingSession? session;
        try
        {
            session = JsonSerializer.Deserialize(json, BookingSessionJson.Default.BookingSession);
        }
        catch (JsonException)
        {
            // Not a row this store wrote: it counts as absent and is overwritten by the next add.
            return null;
        }

        return session is not null && string.Equals(session.Key, expectedKey, StringComparison.Ordinal) ? session : null;
    }

    private static string PartName(int index) => "Json" + index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A session too large for one table row: a phase 1 that offered thousands of slots, for one.</summary>
public sealed class BookingSessionTooLargeException(int bytes, int limit)
    : InvalidOperationException($"The booking session is {bytes} bytes as JSON; the Table booking store holds at most {limit} bytes per session, so it was not recorded.");
