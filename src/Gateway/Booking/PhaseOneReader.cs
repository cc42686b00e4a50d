using System.Text.Json;

namespace Serverless.Gateway.Booking;

/// <summary>Reads the session id and the offered slots out of a successful phase-1 result.</summary>
public static class PhaseOneReader
{
    // Handoff nests paths (a Fork path holds its sub-paths); real answers stay far below this.
    private const int MaxDepth = 8;

    /// <summary>False when the result opened no session (a concierge route without an interval returns only a link).</summary>
    public static bool TryRead(BookingFlow flow, JsonElement result, out string sessionId, out IReadOnlyList<OfferedSlot> offered)
    {
        sessionId = "";
        offered = [];
        if (result.ValueKind != JsonValueKind.Object
            || !result.TryGetProperty(flow.SessionIdName, out var id) || id.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(id.GetString()))
        {
            return false;
        }

        sessionId = id.GetString()!;
        var slots = new List<OfferedSlot>();
        if (flow.HasPaths)
        {
            if (result.TryGetProperty("routers", out var routers) && routers.ValueKind == JsonValueKind.Array)
            {
                foreach (var router in routers.EnumerateArray())
                {
                    if (router.ValueKind == JsonValueKind.Object && String(router, "routerId") is { } routerId
                        && router.TryGetProperty("pathResults", out var paths))
                    {
                        CollectPaths(paths, routerId, slots, 0);
                    }
                }
            }
        }
        else
        {
            Collect(result, null, null, slots);
        }

        offered = slots;
        return true;
    }

    private static void CollectPaths(JsonElement element, string routerId, List<OfferedSlot> slots, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectPaths(item, routerId, slots, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (String(element, "pathId") is { } pathId)
        {
            Collect(element, routerId, pathId, slots);
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name != "startTimes" && property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                CollectPaths(property.Value, routerId, slots, depth + 1);
            }
        }
    }

    private static void Collect(JsonElement holder, string? routerId, string? pathId, List<OfferedSlot> slots)
    {
        if (!holder.TryGetProperty("startTimes", out var startTimes) || startTimes.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in startTimes.EnumerateArray())
        {
            if (StartTimes.TextOf(item) is { } text && StartTimes.TryParse(text, out var at))
            {
                slots.Add(new OfferedSlot(text, at, routerId, pathId));
            }
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
