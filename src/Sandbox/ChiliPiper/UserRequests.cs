using System.Text.RegularExpressions;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>Body of <c>find-by-filter</c>. Unknown keys are a decoding failure, as with the vendor's strict decoders.</summary>
internal sealed record UserFilter(string? Email, string? Name, string? WorkspaceId, bool? IsSuperAdmin, string? License)
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal) { "email", "name", "workspaceId", "isSuperAdmin", "license" };

    public static bool TryParse(JsonBody body, out UserFilter? filter)
    {
        filter = null;
        if (!body.IsObject || body.Root.EnumerateObject().Any(p => !Keys.Contains(p.Name)))
        {
            return false;
        }

        var root = body.Root;
        if (!JsonFields.TryGetString(root, "email", out var email)
            || !JsonFields.TryGetString(root, "name", out var name)
            || !JsonFields.TryGetString(root, "workspaceId", out var workspaceId)
            || !JsonFields.TryGetBoolean(root, "isSuperAdmin", out var isSuperAdmin)
            || !JsonFields.TryGetString(root, "license", out var license)
            || (license is not null && !UserLicenses.Names.Contains(license)))
        {
            return false;
        }

        filter = new UserFilter(email, name, workspaceId, isSuperAdmin, license);
        return true;
    }

    public bool Matches(ChiliPiperUser user)
        => (Email is null || string.Equals(user.Email, Email, StringComparison.OrdinalIgnoreCase))
           && (Name is null || user.Name.Contains(Name, StringComparison.OrdinalIgnoreCase))
           && (WorkspaceId is null || user.Workspaces.Contains(WorkspaceId))
           && (IsSuperAdmin is null || user.IsSuperAdmin == IsSuperAdmin)
           && (License is null || user.Licenses.Has(License));
}

internal sealed partial record InviteRequest(
    string Email,
    string? Name,
    IReadOnlyList<string> Licenses,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Workspaces,
    string? SalesforceId,
    bool SendInvite)
{
    public static bool TryParse(JsonBody body, out InviteRequest? request)
    {
        request = null;
        if (!body.IsObject)
        {
            return false;
        }

        var root = body.Root;
        if (!JsonFields.TryGetString(root, "email", out var email) || email is null || !EmailPattern().IsMatch(email)
            || !JsonFields.TryGetString(root, "name", out var name)
            || !JsonFields.TryGetStringArray(root, "licenses", out var licenses)
            || !JsonFields.TryGetStringArray(root, "roles", out var roles)
            || !JsonFields.TryGetStringArray(root, "workspaces", out var workspaces)
            || !JsonFields.TryGetString(root, "salesforceId", out var salesforceId)
            || !JsonFields.TryGetBoolean(root, "sendInvite", out var sendInvite)
            || (licenses is not null && licenses.Any(l => !UserLicenses.Names.Contains(l))))
        {
            return false;
        }

        request = new InviteRequest(
            email.Trim(),
            string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            licenses ?? [],
            roles ?? [],
            workspaces?.Distinct(StringComparer.Ordinal).ToArray() ?? [],
            string.IsNullOrWhiteSpace(salesforceId) ? null : salesforceId,
            sendInvite ?? false);
        return true;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

/// <summary>Body of <c>user/licenses</c>: <c>{ update: { userId: { chiliCalOrg, handoff, ... } } }</c>.</summary>
internal static class LicenseUpdateRequest
{
    public static bool TryParse(JsonBody body, out IReadOnlyList<(string UserId, UserLicenses Licenses)>? updates)
    {
        updates = null;
        if (!body.IsObject || !body.Root.TryGetProperty("update", out var update) || update.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var parsed = new List<(string, UserLicenses)>();
        foreach (var entry in update.EnumerateObject())
        {
            var flags = entry.Value;
            if (flags.ValueKind != JsonValueKind.Object
                || !JsonFields.TryGetBoolean(flags, "chiliCalOrg", out var chiliCalOrg) || chiliCalOrg is null
                || !JsonFields.TryGetBoolean(flags, "handoff", out var handoff) || handoff is null
                || !JsonFields.TryGetBoolean(flags, "distro", out var distro)
                || !JsonFields.TryGetBoolean(flags, "concierge", out var concierge)
                || !JsonFields.TryGetBoolean(flags, "conciergeLive", out var conciergeLive)
                || !JsonFields.TryGetBoolean(flags, "chat", out var chat)
                || !JsonFields.TryGetString(flags, "tier", out var tier))
            {
                return false;
            }

            // The update replaces the whole licence set, so omitted optional flags mean "no seat".
            parsed.Add((entry.Name, new UserLicenses(
                chiliCalOrg.Value, handoff.Value, distro ?? false, concierge ?? false, conciergeLive ?? false, chat ?? false, tier)));
        }

        updates = parsed;
        return true;
    }
}
