using System.Diagnostics;
using ModelContextProtocol.Client;
using Serverless.E2E.Tests.Infrastructure;

namespace Serverless.E2E.Tests;

/// <summary>The packaged command line: mistakes are refused with the usage, and the version is one version.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--bogus-flag")]
    [InlineData("serve", "--sandbox", "--bogus-flag")]
    [InlineData("stdio", "stray")]
    public async Task An_unknown_argument_is_an_error_with_the_usage(params string[] arguments)
    {
        var (exit, stdout, stderr) = await RunAsync(arguments);

        Assert.Equal(2, exit);
        Assert.Contains($"unknown argument '{arguments[^1]}'", stderr, StringComparison.Ordinal);
        Assert.Contains("Usage: serverless-mcp-gateway", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("listening", stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Version_prints_the_package_version_and_initialize_reports_the_same()
    {
        var (exit, stdout, _) = await RunAsync(["--version"]);
        Assert.Equal(0, exit);
        var version = stdout.Trim();
        Assert.Matches(@"^\d+\.\d+\.\d+", version);
        var packageVersion = System.Xml.Linq.XDocument.Load(Path.Combine(RepoPaths.Root, "src", "Directory.Build.props"))
            .Descendants("Version").Single().Value;
        Assert.Equal(packageVersion, version);

        await using var server = await ServerProcess.StartAsync(["serve", "--sandbox"]);
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = server.McpUrl }),
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(version, client.ServerInfo?.Version);
    }

    [Fact]
    public async Task A_busy_port_is_one_clear_line_without_a_stack_trace()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, _, stderr) = await RunAsync(["serve", "--sandbox", "--urls", $"http://127.0.0.1:{port}"]);

        Assert.Equal(1, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines, l => l.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains("address already in use", line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdio_without_keys_says_on_stderr_that_it_uses_the_sandbox()
    {
        var info = new ProcessStartInfo(RepoPaths.Server)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        info.ArgumentList.Add("stdio");
        foreach (var name in new[] { "PilotStatus__ApiKey", "ChiliPiper__ApiKey", "PilotStatus__BaseUrl", "ChiliPiper__BaseUrl", "Sandbox__Enabled", "Credentials__Mode" })
        {
            info.Environment.Remove(name);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line;
            do
            {
                line = await process.StandardError.ReadLineAsync(timeout.Token);
            }
            while (line is not null && !line.Contains("sandbox", StringComparison.Ordinal));

            Assert.NotNull(line);
            Assert.Contains("no upstream key is configured", line, StringComparison.Ordinal);
            Assert.Contains("PilotStatus__ApiKey", line, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] arguments)
    {
        var info = new ProcessStartInfo(RepoPaths.Server)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the server did not exit for: {string.Join(' ', arguments)}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
