using System.Runtime.CompilerServices;

namespace Serverless.Gateway.OAuth.Stores;

/// <summary>
/// Records as files in a local folder (one per record, readable by the owner only), so a self-host keeps its
/// connections across restarts. One process uses a folder at a time.
/// </summary>
public sealed class FileOAuthRecordStore(string root) : IOAuthRecordStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<string?> GetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        var path = PathOf(kind, id);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public async IAsyncEnumerable<string> ListAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, kind);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            yield return text;
        }
    }

    public Task CreateAsync(string kind, string id, string json, CancellationToken cancellationToken) => Locked(async () =>
    {
        var path = PathOf(kind, id);
        if (File.Exists(path))
        {
            throw new OAuthRecordConflictException($"The {kind} '{id}' exists.");
        }

        await WriteAsync(path, json, cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    public Task ReplaceAsync(string kind, string id, string expectedToken, string json, CancellationToken cancellationToken) => Locked(async () =>
    {
        var path = PathOf(kind, id);
        await CheckAsync(path, kind, id, expectedToken, cancellationToken).ConfigureAwait(false);
        await WriteAsync(path, json, cancellationToken).ConfigureAwait(false);
    }, cancellationToken);

    public Task DeleteAsync(string kind, string id, string expectedToken, CancellationToken cancellationToken) => Locked(async () =>
    {
        var path = PathOf(kind, id);
        await CheckAsync(path, kind, id, expectedToken, cancellationToken).ConfigureAwait(false);
        File.Delete(path);
    }, cancellationToken);

    private static async Task CheckAsync(string path, string kind, string id, string expectedToken, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) || MemoryOAuthRecordStore.TokenOf(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)) != expectedToken)
        {
            throw new OAuthRecordConflictException($"The {kind} '{id}' changed or is gone.");
        }
    }

    private static async Task WriteAsync(string path, string json, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(temporary, options))
        {
            await writer.WriteAsync(json.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private async Task Locked(Func<Task> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    // Ids are hex or GUIDs made by the gateway; anything else is refused rather than turned into a path.
    private string PathOf(string kind, string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? Path.Combine(root, kind, id + ".json")
            : throw new ArgumentException($"'{id}' is not a record id.", nameof(id));
}
