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

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request)
    {
        using var client = new HttpClient();
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
