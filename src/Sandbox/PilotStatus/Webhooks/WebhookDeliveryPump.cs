using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Serverless.Sandbox.PilotStatus;

/// <summary>
/// Background worker of the Pilot Status twin: brings time-driven state up to date a few times a second (so
/// lifecycle events fire without any request) and POSTs queued webhook deliveries. Handlers only enqueue under the
/// state lock; all network work happens here, outside it. Retry waits are measured on the state's clock, so a test
/// with a manual clock decides when a retry becomes due.
/// </summary>
internal sealed class WebhookDeliveryPump : IAsyncDisposable
{
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Receivers are expected to answer fast and work asynchronously; a slow one counts as failed.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    private const int MaxResponseChars = 1000;
    private const string UserAgent = "PilotStatus-Sandbox-Webhooks/1.0";

    private readonly PilotStatusState _state;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<int, Task> _inFlight = new();
    private readonly Task _loop;

    public WebhookDeliveryPump(PilotStatusState state, ILogger logger, HttpMessageHandler? handler = null)
    {
        _state = state;
        _logger = logger;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = AttemptTimeout })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _state.Webhooks.DeliveryQueued += Wake;
        _loop = Task.Run(RunAsync);
    }

    private void Wake() => _wake.Release();

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            List<DeliveryAttempt> due = [];
            try
            {
                lock (_state.Sync)
                {
                    var now = _state.Time.GetUtcNow();
                    _state.Tick(now);
                    due = _state.Webhooks.TakeDueDeliveries(now);
                }
            }
            catch (Exception e)
            {
                // A faulty ticker must not stop deliveries for the rest of the twin's life.
                _logger.LogError(e, "Pilot Status sandbox tick failed");
            }

            foreach (var attempt in due)
            {
                var task = AttemptAsync(attempt);
                _inFlight[task.Id] = task;
                _ = task.ContinueWith(t => _inFlight.TryRemove(t.Id, out _), TaskScheduler.Default);
            }

            await WaitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sleeps until a delivery is queued or finishes, or one tick passes on the state's clock.</summary>
    private async Task WaitAsync()
    {
        using var tick = new CancellationTokenSource(TickInterval, _state.Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(tick.Token, _stop.Token);
        try
        {
            await _wake.WaitAsync(either.Token).ConfigureAwait(false);
            while (_wake.Wait(0))
            {
                // One pass serves every wake-up that arrived meanwhile.
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task AttemptAsync(DeliveryAttempt attempt)
    {
        var startedAt = _state.Time.GetUtcNow();
        DeliveryOutcome outcome;
        try
        {
            outcome = await SendAsync(attempt, startedAt).ConfigureAwait(false);
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            outcome = new DeliveryOutcome(false, null, "Delivery failed: " + e.Message, 0);
        }
        catch (Exception)
        {
            return;
        }

        lock (_state.Sync)
        {
            _state.Webhooks.CompleteDelivery(attempt, outcome, startedAt);
        }

        Wake();
    }

    private async Task<DeliveryOutcome> SendAsync(DeliveryAttempt attempt, DateTimeOffset startedAt)
    {
        var uri = new Uri(attempt.Url);
        if (ReservedHosts.IsReserved(uri.IdnHost))
        {
            return new DeliveryOutcome(false, null,
                $"Not sent: {uri.IdnHost} is a domain reserved for documentation and examples (RFC 2606), so the sandbox does not contact it.",
                0, Retryable: false);
        }

        var delivery = attempt.Delivery;
        var timestamp = startedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.Add(ProductInfoHeaderValue.Parse(UserAgent));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(attempt.Secret, timestamp, delivery.Body));
        request.Headers.Add(WebhookSignature.EventHeader, delivery.Event);
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id);
        request.Headers.Add(WebhookSignature.WebhookHeader, delivery.WebhookId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(AttemptTimeout);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var text = await ReadShortAsync(response.Content, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new DeliveryOutcome(status is >= 200 and < 300, status, text, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
        {
            return new DeliveryOutcome(false, null, $"No answer within {AttemptTimeout.TotalSeconds:0} s.", clock.ElapsedMilliseconds);
        }
        catch (HttpRequestException e)
        {
            return new DeliveryOutcome(false, null, "Could not reach the receiver: " + e.Message, clock.ElapsedMilliseconds);
        }
    }

    private static async Task<string?> ReadShortAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[MaxResponseChars + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (read == 0)
        {
            return null;
        }

        return read > MaxResponseChars ? new string(buffer, 0, MaxResponseChars) + "…" : new string(buffer, 0, read);
    }

    public async ValueTask DisposeAsync()
    {
        _state.Webhooks.DeliveryQueued -= Wake;
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
            await Task.WhenAll(_inFlight.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
        _wake.Dispose();
    }
}

/// <summary>Names set aside for documentation (RFC 2606); demo webhooks use them, and the twin never calls them.</summary>
internal static class ReservedHosts
{
    private static readonly string[] Suffixes = [".example", ".invalid", ".test", "example.com", "example.net", "example.org"];

    public static bool IsReserved(string host)
    {
        var h = host.TrimEnd('.').ToLowerInvariant();
        foreach (var suffix in Suffixes)
        {
            if (suffix.StartsWith('.') ? h.EndsWith(suffix, StringComparison.Ordinal) || h == suffix[1..]
                : h == suffix || h.EndsWith("." + suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
