using System.Text;

namespace Serverless.Sandbox.ChiliPiper;

/// <summary>
/// In-memory Chili Piper organization. All mutation happens under <see cref="Sync"/>; public accessors return
/// snapshots so tests can enumerate without holding the lock.
/// </summary>
public sealed class ChiliPiperState
{
    internal ChiliPiperState(TimeProvider time)
    {
        Time = time;
        ChiliPiperSeed.Populate(this, time.GetUtcNow());
    }

    public TimeProvider Time { get; }

    public ChiliPiperTenant Tenant { get; internal set; } = null!;

    internal Lock Sync { get; } = new();

    internal List<ChiliPiperUser> UserList { get; } = [];

    internal List<Workspace> WorkspaceList { get; } = [];

    internal List<ChiliPiperApiToken> TokenList { get; } = [];

    public IReadOnlyList<ChiliPiperUser> GetUsers() => Snapshot(UserList);

    public IReadOnlyList<Workspace> GetWorkspaces() => Snapshot(WorkspaceList);

    public IReadOnlyList<ChiliPiperApiToken> GetTokens() => Snapshot(TokenList);

    /// <summary>Adds (or replaces) a token with a custom permission set, e.g. to exercise a specific 403.</summary>
    public void RegisterToken(string token, params string[] permissions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        lock (Sync)
        {
            TokenList.RemoveAll(t => t.Token == token);
            TokenList.Add(new ChiliPiperApiToken { Token = token, Name = "Custom token", Permissions = permissions });
        }
    }

    internal ChiliPiperApiToken? FindToken(string token) => TokenList.Find(t => t.Token == token);

    internal ChiliPiperUser? FindUser(string userId) => UserList.Find(u => u.Id == userId);

    internal ChiliPiperUser? FindUserByEmail(string email)
        => UserList.Find(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    internal Workspace? FindWorkspace(string workspaceId) => WorkspaceList.Find(w => w.Id == workspaceId);

    /// <summary>Slugs appear in personal booking URLs, so they must be unique and URL-safe.</summary>
    internal string UniqueSlug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var stem = builder.ToString().Trim('-');
        if (stem.Length == 0)
        {
            stem = "user";
        }

        var slug = stem;
        for (var suffix = 2; UserList.Exists(u => u.Slug == slug); suffix++)
        {
            slug = stem + "-" + suffix;
        }

        return slug;
    }

    private T[] Snapshot<T>(List<T> source)
    {
        lock (Sync)
        {
            return source.ToArray();
        }
    }
}
