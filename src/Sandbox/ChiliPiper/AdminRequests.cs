namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Pieces of request bodies shared by the workspace and team endpoints.</summary>
internal static class AdminRequests
{
    /// <summary>A required, non-empty <c>userIds</c> array of non-blank strings (the schema's <c>minItems: 1</c>).</summary>
    public static bool TryUserIds(JsonElement root, out IReadOnlyList<string> userIds)
        => TryIds(root, "userIds", required: true, out userIds);

    /// <summary>An id array: absent is allowed unless required, but when present it must hold at least one id.</summary>
    public static bool TryIds(JsonElement root, string name, bool required, out IReadOnlyList<string> ids)
    {
        ids = [];
        if (!JsonFields.TryGetStringArray(root, name, out var values))
        {
            return false;
        }

        if (values is null)
        {
            return !required;
        }

        if (values.Count == 0 || values.Any(string.IsNullOrWhiteSpace))
        {
            return false;
        }

        ids = values.Distinct(StringComparer.Ordinal).ToArray();
        return true;
    }

    /// <summary>Every id must name a user; the first unknown one is reported and nothing is changed.</summary>
    public static IResult? ResolveUsers(ChiliPiperState state, IReadOnlyList<string> userIds, out IReadOnlyList<ChiliPiperUser> users)
    {
        var found = new List<ChiliPiperUser>(userIds.Count);
        foreach (var userId in userIds)
        {
            if (state.FindUser(userId) is not { } user)
            {
                users = [];
                return ChiliPiperErrors.UserNotFound(userId);
            }

            found.Add(user);
        }

        users = found;
        return null;
    }
}
