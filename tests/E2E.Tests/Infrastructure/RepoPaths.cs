namespace Serverless.E2E.Tests.Infrastructure;

/// <summary>Where the repository and the built server are, found from the test assembly's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the server is built in the same configuration as the tests.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)
            .Reverse().Skip(1).FirstOrDefault(s => s is "Debug" or "Release") ?? "Debug";

    /// <summary>The published native gateway every end-to-end test starts (see <see cref="NativeServer"/>).</summary>
    public static string Server => NativeServer.Executable;

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
