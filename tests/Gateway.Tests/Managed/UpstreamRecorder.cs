using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>One request the gateway sent to an upstream, with the credential headers it carried.</summary>
public sealed record RecordedRequest(string Method, string Path, string? ApiKey, string? NumberHeader, string? Authorization, int Status);

/// <summary>
/// Sits in every outbound HTTP client of the gateway and records what reached the upstreams (the sandbox):
/// how many requests, to which path, with which key. <see cref="Answer"/> can stand in for the upstream.
/// </summary>
public sealed class UpstreamRecorder
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>When it returns a response, that response is the upstream's answer and the request goes no further.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage?>? Answer { get; set; }

    public void Clear() => _requests.Clear();

    public void AddTo(IServiceCollection services) =>
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new Handler(this)));

    private sealed class Handler(UpstreamRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = recorder.Answer?.Invoke(request) ?? await base.SendAsync(request, cancellationToken);
            recorder._requests.Enqueue(new RecordedRequest(
                request.Method.Method,
                request.RequestUri!.AbsolutePath,
                Header(request, "x-api-key"),
                Header(request, "x-whatsapp-number-id"),
                Header(request, "Authorization"),
                (int)response.StatusCode));
            return response;
        }

        private static string? Header(HttpRequestMessage request, string name) =>
            request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
    }
}
