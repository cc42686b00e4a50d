using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Serverless.Gateway.Tests.Infrastructure;

/// <summary>
/// Azurite's Table service, started from the npm package in tests/Gateway.Tests/azurite on a free loopback
/// port with in-memory persistence, and stopped (with its whole process tree) on dispose.
/// </summary>
public sealed class AzuriteTable : IAsyncDisposable
{
    /// <summary>The emulator's fixed, publicly documented development account; not a secret.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _location;
    private readonly ConcurrentQueue<string> _output = new();

    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private AzuriteTable(Process process, string location, int port)
    {
        _process = process;
        _location = location;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    public string Output => string.Join('\n', _output);

    public static async Task<AzuriteTable> StartAsync()
    {
        var folder = Path.Combine(FindRoot(), "tests", "Gateway.Tests", "azurite");
        var main = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "table", "main.js");
        await EnsureInstalledAsync(folder, main);

        var port = FreePort();
        var location = Directory.CreateTempSubdirectory("azurite-").FullName;
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // In-memory persistence writes nothing; the scratch folder catches anything else it might write.
            WorkingDirectory = location,
        };
        foreach (var argument in new[]
                 {
                     main, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Azurite needs Node.js: `node` was not found on PATH.", e);
        }

        var azurite = new AzuriteTable(process, location, port);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            azurite._output.Enqueue(e.Data);
            if (e.Data.Contains("successfully started", StringComparison.OrdinalIgnoreCase))
            {
                started.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                azurite._output.Enqueue(e.Data);
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException("Azurite exited"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception e)
        {
            await azurite.DisposeAsync();
            throw new InvalidOperationException($"Azurite's Table service did not start: {e.Message}\n{azurite.Output}", e);
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Installs the pinned Azurite (npm ci) the first time a test needs it, as the JS client tests do.</summary>
    private static async Task EnsureInstalledAsync(string folder, string main)
    {
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists(main))
            {
                return;
            }

            // Test projects run in parallel processes: a lock file lets one install while the others wait.
            using var installLock = await LockAsync(Path.Combine(Path.GetTempPath(), "serverless-gateway-azurite-install.lock"));
            if (File.Exists(main))
            {
                return;
            }

            var info = new ProcessStartInfo("npm") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            {
                info.ArgumentList.Add(argument);
            }

            Process npm;
            try
            {
                npm = Process.Start(info) ?? throw new InvalidOperationException("npm did not start");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"Azurite is not installed and npm was not found on PATH: install Node.js and npm, or run `npm ci` in {folder}.", e);
            }

            using (npm)
            {
                var output = npm.StandardOutput.ReadToEndAsync();
                var errors = npm.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                await npm.WaitForExitAsync(timeout.Token);
                if (npm.ExitCode != 0 || !File.Exists(main))
                {
                    throw new InvalidOperationException($"npm ci in {folder} failed ({npm.ExitCode}):\n{await output}\n{await errors}");
                }
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(500);
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Serverless.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One Azurite for every test class of the collection; each test uses tables of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteTable? _azurite;

    public AzuriteTable Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public async ValueTask InitializeAsync() => _azurite = await AzuriteTable.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
