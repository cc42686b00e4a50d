using System.Diagnostics;
using System.Text;
using Serverless.E2E.Tests.Infrastructure;

namespace Serverless.E2E.Tests;

/// <summary>The server packed as a .NET tool installs from a local folder and starts.</summary>
public sealed class PackagedToolTests
{
    [Fact]
    public async Task The_packed_tool_installs_from_a_folder_and_serves()
    {
        var work = Directory.CreateTempSubdirectory("gateway-tool-");
        try
        {
            var feed = Path.Combine(work.FullName, "feed");
            var tools = Path.Combine(work.FullName, "tools");
            await RunAsync("dotnet", "pack", Path.Combine(RepoPaths.Root, "src", "Server", "Serverless.Server.csproj"),
                "--no-build", "-c", RepoPaths.Configuration, "-o", feed);
            Assert.Single(Directory.GetFiles(feed, "Serverless.McpGateway.*.nupkg"));
            await RunAsync("dotnet", "tool", "install", "Serverless.McpGateway", "--tool-path", tools, "--add-source", feed);

            await using var server = await ServerProcess.StartAsync(["serve", "--sandbox"], executable: Path.Combine(tools, "serverless-mcp-gateway"));
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, server.McpUrl)
            {
                Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("application/json, text/event-stream");
            using var response = await http.SendAsync(request);

            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
            Assert.Contains("messages_send", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} exited {process.ExitCode}\n{await stdout}\n{await stderr}");
    }
}
