using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Serverless.Tools.Upstreams;

/// <summary>
/// The single send path shared by the typed clients: base URL, auth, per-attempt timeout, correlation
/// id, retries for reads only, and one typed error for every failure.
/// </summary>
public abstract class UpstreamClient
{
    public const string CorrelationHeader = "X-Correlation-Id";

    private readonly HttpClient _http;
    private readonly UpstreamOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _readPipeline;

    protected UpstreamClient(HttpClient http, UpstreamOptions options, ILogger logger, TimeProvider time)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _time = time;
        _readPipeline = BuildReadPipeline(options, time);
    }

    protected abstract Upstream Upstream { get; }

    /// <summary>Adds the caller's credential, or throws <see cref="MissingCredentialException"/>.</summary>
    /// <param name="refresh">True on the one resend after a 401, when <see cref="CanRefreshCredential"/> allowed it.</param>
    protected abstract ValueTask AuthorizeAsync(HttpRequestMessage request, bool refresh, CancellationToken cancellationToken);

    /// <summary>
    /// True when a 401 may mean a rotated key that reading again would fix (managed credentials). A 401 means
    /// nothing was done, so even a write is then sent once more.
    /// </summary>
    protected virtual bool CanRefreshCredential => false;

    /// <summary>Reads the vendor's error body into the common shape.</summary>
    protected abstract (string? Code, string Message) ReadError(int status, string? mediaType, string body);

    /// <summary>Some vendors report failures inside a 2xx body; a client says so here.</summary>
    protected virtual (string? Code, string Message)? ReadBusinessFailure(JsonNode? body) => null;

    protected internal async Task<UpstreamResponse> SendAsync(UpstreamCall call, CancellationToken cancellationToken)
    {
        // The tool's declaration decides: a read may be retried, anything else (or a call outside a tool) goes out once.
        var isRead = ToolDeclaration.Current?.IsRead == true;
        var correlationId = Guid.NewGuid().ToString("N");
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await SendWithPolicyAsync(call, isRead, correlationId, refresh: false, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && CanRefreshCredential)
            {
                _logger.LogInformation("{Upstream} {Method} {Path} -> 401; reading the credential again and resending once; correlation {CorrelationId}",
                    Upstream, call.Method, call.Path, correlationId);
                response.Dispose();
                response = await SendWithPolicyAsync(call, isRead, correlationId, refresh: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (InvalidHeaderValueException e)
        {
            // HttpClient would refuse it at send time, which looks like a transport failure: retried, and "outcome unknown".
            throw new ToolArgumentException(e.Header,
                $"The {e.Header} header contains characters an HTTP header cannot carry (only visible ASCII is allowed); nothing was sent.", "INVALID_HEADER",
                "Send that header with plain ASCII characters only (ids and keys are ASCII) and call again.");
        }
        catch (ResponseTooLargeException e)
        {
            _logger.LogWarning("{Upstream} {Method} {Path} answered more than {MaxBytes} bytes after {ElapsedMs} ms; correlation {CorrelationId}",
                Upstream, call.Method, LogText.Shorten(call.Path), e.MaxBytes, Elapsed(started), correlationId);
            throw new UpstreamException(new UpstreamError(
                Upstream,
                e.Status,
                "RESPONSE_TOO_LARGE",
                $"The answer is larger than {e.MaxBytes} bytes, the most this gateway passes on, so none of it is returned.",
                OutcomeUnknown: !isRead,
                CorrelationId: correlationId,
                Next: "Narrow the request so the answer is smaller: ask for one page at a time with a smaller pageSize, a shorter date window, or fewer ids."));
        }
        catch (Exception e) when (e is HttpRequestException or AttemptTimeoutException)
        {
            _logger.LogWarning("{Upstream} {Method} {Path} failed without a response after {ElapsedMs} ms ({Reason}); correlation {CorrelationId}",
                Upstream, call.Method, LogText.Shorten(call.Path), Elapsed(started), e is AttemptTimeoutException ? "timeout" : "transport", correlationId);
            throw new UpstreamException(new UpstreamError(
                Upstream,
                0,
                e is AttemptTimeoutException ? "TIMEOUT" : "UNREACHABLE",
                e is AttemptTimeoutException
                    ? $"No answer within {_options.TimeoutSeconds} s."
                    : "The upstream could not be reached.",
                OutcomeUnknown: !isRead,
                CorrelationId: correlationId));
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("{Upstream} {Method} {Path} -> {Status} in {ElapsedMs} ms; correlation {CorrelationId}",
                Upstream, call.Method, LogText.Shorten(call.Path), status, Elapsed(started), correlationId);

            if (!response.IsSuccessStatusCode)
            {
                var (code, message) = ReadError(status, mediaType, text);
                message = CredentialShapes.Redact(message);
                throw new UpstreamException(new UpstreamError(
                    Upstream,
                    status,
                    code,
                    message,
                    RetryAfter.Read(response.Headers, _time),
                    OutcomeUnknown: !isRead && status >= 500,
                    CorrelationId: correlationId));
            }

            if (!TryParseBody(text, ExpectsJson(call, mediaType), out var body))
            {
                throw new UpstreamException(new UpstreamError(
                    Upstream,
                    status,
                    "INVALID_RESPONSE",
                    $"The upstream answered HTTP {status} but its body is not valid JSON, so the answer cannot be read.",
                    OutcomeUnknown: !isRead,
                    CorrelationId: correlationId));
            }

            if (ReadBusinessFailure(body) is { } failure)
            {
                throw new UpstreamException(new UpstreamError(Upstream, status, failure.Code, CredentialShapes.Redact(failure.Message), CorrelationId: correlationId));
            }

            return new UpstreamResponse(status, body, mediaType, text);
        }
    }

    private async ValueTask<HttpResponseMessage> SendWithPolicyAsync(UpstreamCall call, bool isRead, string correlationId, bool refresh, CancellationToken cancellationToken) =>
        isRead
            ? await _readPipeline.ExecuteAsync(
                static (state, ct) => state.client.SendOnceAsync(state.call, state.correlationId, state.refresh, ct),
                (client: this, call, correlationId, refresh),
                cancellationToken).ConfigureAwait(false)
            : await SendOnceAsync(call, correlationId, refresh, cancellationToken).ConfigureAwait(false);

    private async ValueTask<HttpResponseMessage> SendOnceAsync(UpstreamCall call, string correlationId, bool refresh, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(call.Method, BuildUri(call));
        request.Headers.TryAddWithoutValidation(CorrelationHeader, correlationId);
        foreach (var mediaType in (call.Accept ?? "application/json").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            request.Headers.Accept.ParseAdd(mediaType);
        }

        await AuthorizeAsync(request, refresh, cancellationToken).ConfigureAwait(false);
        InvalidHeaderValueException.ThrowIfAny(request.Headers);
        if (call.Body is not null)
        {
            request.Content = new StringContent(call.Body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            try
            {
                await ResponseSizeLimit.BufferAsync(response, _options.MaxResponseBytes, attempt.Token).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException();
        }
    }

    private Uri BuildUri(UpstreamCall call) => new(_options.BaseUrl.TrimEnd('/') + call.PathAndQuery, UriKind.Absolute);

    // A JSON answer that does not parse must not pass for success; a CSV export or a text/plain word is still an answer.
    private static bool ExpectsJson(UpstreamCall call, string? mediaType) =>
        call.Accept is null && (mediaType is null || mediaType.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static bool TryParseBody(string text, bool expectsJson, out JsonNode? body)
    {
        body = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        try
        {
            body = JsonNode.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            body = JsonValue.Create(text);
            return !expectsJson;
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildReadPipeline(UpstreamOptions options, TimeProvider time)
    {
        if (options.MaxReadRetries <= 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        var maxWait = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = maxWait,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or AttemptTimeoutException } => true,
                    { Result: { } r } => IsTransient(r.StatusCode) && (RetryAfter.Read(r.Headers, time) ?? TimeSpan.Zero) <= maxWait,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter.Read(r.Headers, time) : null),
                OnRetry = args =>
                {
                    _logger.LogInformation("{Upstream} read retry {Attempt} after {DelayMs} ms ({Reason})",
                        Upstream, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .Build();
    }

    private static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private sealed class AttemptTimeoutException : Exception;
}
