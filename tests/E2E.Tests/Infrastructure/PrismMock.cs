using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Serverless.E2E.Tests.Infrastructure;

/// <summary>
/// Prism serving one OpenAPI document as a request-validating mock: with <c>--errors</c> a request the
/// document does not accept is answered with a problem document (422, or 401 for missing auth) instead of an example.
/// </summary>
public sealed class PrismMock : IAsyncDisposable
{
    private static readonly string Cli = Path.Combine(NodeScripts.Directory, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private PrismMock(Process process, ConcurrentQueue<string> output, Uri baseUrl)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Output => string.Join('\n', _output);

    public static async Task<PrismMock> StartAsync(string document)
    {
        await NodeScripts.EnsureInstalledAsync();
        var port = FreePort();
        var info = new ProcessStartInfo(NodeScripts.Node22)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = NodeScripts.Directory,
        };
        foreach (var argument in new[] { Cli, "mock", "--errors", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), document })
        {
            info.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start Prism");
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            if (line.Contains("Prism is listening", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var mock = new PrismMock(process, output, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await mock.DisposeAsync();
            throw new InvalidOperationException($"Prism did not start for {Path.GetFileName(document)}:\n{mock.Output}");
        }

        return mock;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
