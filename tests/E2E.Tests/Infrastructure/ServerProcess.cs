using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Serverless.E2E.Tests.Infrastructure;

/// <summary>
/// The real gateway executable, started as users start it (serve mode on a free loopback port), with
/// its banner and logs captured. Disposing stops it with SIGINT, as Ctrl-C would.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private ServerProcess(Process process, long startedTimestamp)
    {
        _process = process;
        StartedTimestamp = startedTimestamp;
    }

    /// <summary>The MCP URL from the banner, e.g. http://127.0.0.1:41234/mcp.</summary>
    public Uri McpUrl { get; private set; } = null!;

    public long StartedTimestamp { get; }

    public string StandardOutput => string.Join('\n', _stdout);

    public string StandardError => string.Join('\n', _stderr);

    public Process Process => _process;

    /// <param name="arguments">Arguments, e.g. ["serve", "--sandbox"]; --urls is added.</param>
    /// <param name="environment">Extra environment; a null value removes a variable.</param>
    /// <param name="executable">An installed command to run instead of the published native server.</param>
    public static async Task<ServerProcess> StartAsync(IEnumerable<string>? arguments = null, IDictionary<string, string?>? environment = null, string? executable = null)
    {
        var info = new ProcessStartInfo(executable ?? RepoPaths.Server)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments ?? ["serve", "--sandbox"])
        {
            info.ArgumentList.Add(argument);
        }

        if (!info.ArgumentList.Contains("--urls"))
        {
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add("http://127.0.0.1:0");
        }
        // A developer's own keys must never leak into a test run.
        foreach (var name in new[] { "PilotStatus__ApiKey", "ChiliPiper__ApiKey", "PilotStatus__BaseUrl", "ChiliPiper__BaseUrl", "Sandbox__Enabled", "Sandbox__SingleUser" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerProcess(process, started);
        var url = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            server._stdout.Enqueue(e.Data);
            if (EndpointLine().Match(e.Data) is { Success: true } m)
            {
                url.TrySetResult(new Uri(m.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                server._stderr.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => url.TrySetException(new InvalidOperationException("server exited early"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            server.McpUrl = await url.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception e)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server did not print its URL: {e.Message}\nstdout:\n{server.StandardOutput}\nstderr:\n{server.StandardError}", e);
        }

        return server;
    }

    /// <summary>Waits until stdout contains <paramref name="text"/>: the banner arrives line by line after the URL.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? TimeSpan.FromSeconds(10)).TotalSeconds * Stopwatch.Frequency);
        while (!StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            if (Stopwatch.GetTimestamp() > deadline || _process.HasExited)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Sends SIGINT (Ctrl-C) and returns the exit code, or null if it had to be killed.</summary>
    public async Task<int?> StopAsync(TimeSpan? grace = null)
    {
        if (_process.HasExited)
        {
            return _process.ExitCode;
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = Interrupt(_process.Id, 2);
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(grace ?? TimeSpan.FromSeconds(15));
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Interrupt(int pid, int signal);

    [GeneratedRegex(@"^MCP endpoint: (\S+)")]
    private static partial Regex EndpointLine();
}
