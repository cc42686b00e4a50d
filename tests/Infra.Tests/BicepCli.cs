using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Serverless.Infra.Tests;

/// <summary>Runs the Bicep CLI and collects what it reports.</summary>
internal static partial class BicepCli
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        /// <summary>Every diagnostic line (error, warning or info, compiler or linter), e.g.
        /// <c>main.bicep(3,7) : Warning no-unused-params: ...</c>.</summary>
        public IReadOnlyList<string> Diagnostics =>
            (StdOut + "\n" + StdErr).Split('\n').Where(l => DiagnosticLine().IsMatch(l)).Select(l => l.Trim()).ToList();

        /// <summary>A clean run: exit code 0, nothing on stderr, no diagnostic anywhere.</summary>
        public string? Problem =>
            ExitCode != 0 || StdErr.Trim().Length > 0 || Diagnostics.Count > 0
                ? $"exit code {ExitCode}\n{StdErr}\n{string.Join('\n', Diagnostics)}"
                : null;
    }

    private static readonly Lock ModeLock = new();

    public static Result Run(params string[] args) => RunIn(Environment.CurrentDirectory, args);

    /// <summary>Runs in <paramref name="workingDirectory"/>, which <c>--pattern</c> globs are relative to.</summary>
    public static Result RunIn(string workingDirectory, params string[] args)
    {
        var path = ExecutablePath();
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {path}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The binary from the NuGet package folder; NuGet extraction can drop the execute bit.</summary>
    private static string ExecutablePath()
    {
        var path = Repository.BicepPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Bicep CLI not found at {path}; restore tests/Infra.Tests first", path);
        }
        if (OperatingSystem.IsWindows())
        {
            return path;
        }
        lock (ModeLock)
        {
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | execute);
            }
        }
        return path;
    }

    [GeneratedRegex(@"\((\d+),(\d+)\)\s*:\s*(Error|Warning|Info)\s", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosticLine();
}
