using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Serverless.Tools.Tests.Infrastructure;

/// <summary>A request the fake upstream received, with its body already read.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => Uri.AbsolutePath;

    public string Query => Uri.Query;

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var v) ? v : null;
}

/// <summary>
/// The HTTP boundary of a typed client in tests: answers are keyed by "METHOD /path" and every request is
/// recorded, so a test asserts exactly what the gateway sent. An unexpected request fails loudly.
/// </summary>
public sealed class FakeUpstream : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<RecordedRequest, HttpResponseMessage>> _routes = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public RecordedRequest Single() => Assert.Single(Requests);

    /// <summary>Answers every request no route matches, for tests that check what was sent rather than where.</summary>
    public Func<RecordedRequest, HttpResponseMessage>? Fallback { get; set; }

    public FakeUpstream On(string methodAndPath, Func<RecordedRequest, HttpResponseMessage> respond)
    {
        _routes[methodAndPath] = respond;
        return this;
    }

    public FakeUpstream OnJson(string methodAndPath, int status, string json) =>
        On(methodAndPath, _ => Json(status, json));

    public static HttpResponseMessage Json(int status, string json) => new((HttpStatusCode)status)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json"),
    };

    public static HttpResponseMessage Text(int status, string text) => new((HttpStatusCode)status)
    {
        Content = new StringContent(text, Encoding.UTF8, "text/plain"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body, headers);
        _requests.Enqueue(recorded);

        var key = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        return _routes.TryGetValue(key, out var respond)
            ? respond(recorded)
            : Fallback?.Invoke(recorded) ?? Json(599, $"{{\"error\":\"fake upstream has no route for {key}\"}}");
    }
}
