using System.Diagnostics;

namespace Serverless.E2E.Tests.Infrastructure;

/// <summary>
/// The gateway as a deployment runs it: <c>dotnet publish src/Server</c>, native code (Native AOT), published once
/// per test run. Every end-to-end test starts this executable, so a path that needs reflection or code generated
/// at run time fails here, not in production. Publishing needs clang and zlib1g-dev.
/// </summary>
public static class NativeServer
{
    private static readonly Lazy<string> Published = new(Publish, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Executable => Published.Value;

    private static string Publish()
    {
        var output = Path.Combine(RepoPaths.Root, "artifacts", "e2e", "native");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[] { "publish", Path.Combine("src", "Server", "Serverless.Server.csproj"), "-c", "Release", "-o", output, "--nologo" })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet publish src/Server did not finish within 20 minutes.");
        }

        var executable = Path.Combine(output, OperatingSystem.IsWindows() ? "Serverless.Server.exe" : "Serverless.Server");
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"dotnet publish src/Server failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        return executable;
    }
}
