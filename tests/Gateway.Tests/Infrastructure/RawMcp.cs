using System.Net.Http.Headers;
using System.Text;

namespace Serverless.Gateway.Tests.Infrastructure;

/// <summary>Hand-built HTTP requests, for the protocol rules an SDK client would never break.</summary>
public static class RawMcp
{
    public const string ToolsList = """{"jsonrpc":"2.0","id":7,"method":"tools/list","params":{}}""";

    public static HttpRequestMessage Post(Uri url, string body, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        configure?.Invoke(request);
        return request;
    }

    /// <summary>The JSON-RPC message of an answer, whether it came as plain JSON or as one server-sent event; null when there is none.</summary>
    public static System.Text.Json.JsonElement? Message(string body)
    {
        var json = MessageText(body);
        try
        {
            return json.Length == 0 ? null : System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The JSON text of an answer's message, whether it came as plain JSON or as one server-sent event.</summary>
    public static string MessageText(string body)
    {
        var data = body.Split('\n').FirstOrDefault(l => l.StartsWith("data: ", StringComparison.Ordinal));
        return data is null ? body.Trim() : data["data: ".Length..];
    }

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        using var client = new HttpClient();
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
