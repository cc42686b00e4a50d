using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Serverless.Sandbox;

namespace Serverless.Functions.Tests.Infrastructure;

/// <summary>Hand-built MCP requests and the pieces of their answers the tests read.</summary>
public static class Raw
{
    public const string ToolsList = """{"jsonrpc":"2.0","id":7,"method":"tools/list","params":{}}""";

    public static Dictionary<string, string> BothCredentials => new()
    {
        ["x-api-key"] = SandboxCredentials.PilotStatusNumberKey1,
        ["Authorization"] = "Bearer " + SandboxCredentials.ChiliPiperAdminToken,
    };

    public static HttpRequestMessage Post(Uri url, string body = ToolsList, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        foreach (var (name, value) in BothCredentials)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        configure?.Invoke(request);
        return request;
    }

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        using var client = new HttpClient();
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>The JSON-RPC message of a response, whether sent as an event stream or as plain JSON.</summary>
    public static JsonNode Message(string body)
    {
        var data = body.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith("data:", StringComparison.Ordinal));
        return JsonNode.Parse(data is null ? body : data["data:".Length..].Trim())!;
    }

    public static string[] ToolNames(string body) =>
        [.. Message(body)["result"]!["tools"]!.AsArray().Select(t => (string)t!["name"]!).Order(StringComparer.Ordinal)];
}
