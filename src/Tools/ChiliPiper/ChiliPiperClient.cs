using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Tools.ChiliPiper;

/// <summary>
/// The connection to the Chili Piper Edge API: credentials, errors (including failures inside a 200), retries. The
/// endpoints live in one thin client per area (<see cref="UsersClient"/>, <see cref="MeetingsClient"/>, ...) that sends through it.
/// </summary>
public sealed class ChiliPiperClient(
    HttpClient http,
    IOptionsMonitor<UpstreamOptions> options,
    CallerCredentials credentials,
    ILogger<ChiliPiperClient> logger,
    TimeProvider time)
    : UpstreamClient(http, options.Get(UpstreamOptions.ChiliPiperSection), logger, time)
{
    // Plain-text bodies are echoed as the message; past this length they are cut, since they are decoder output.
    private const int MaxPlainTextMessage = 500;

    protected override Upstream Upstream => Upstream.ChiliPiper;

    protected override bool CanRefreshCredential => credentials.Managed is not null;

    protected override async ValueTask AuthorizeAsync(HttpRequestMessage request, bool refresh, CancellationToken cancellationToken)
    {
        if (credentials.Managed is { } managed)
        {
            var credential = await managed.GetAsync(Upstream.ChiliPiper, refresh, cancellationToken).ConfigureAwait(false);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + credential.Secret);
            return;
        }

        if (string.IsNullOrEmpty(credentials.ChiliPiperToken))
        {
            throw new MissingCredentialException(Upstream.ChiliPiper,
                "Send the Chili Piper API token in the Authorization header as 'Bearer <token>'.");
        }

        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + credentials.ChiliPiperToken);
    }

    protected override (string? Code, string Message) ReadError(int status, string? mediaType, string body)
    {
        if (mediaType is not null && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(body, ToolJsonContext.Default.ChiliPiperErrorBody);
                if (parsed?.ErrorCode is not null || parsed?.ErrorMessage is not null)
                {
                    return (parsed.ErrorCode, parsed.ErrorMessage ?? parsed.ErrorCode!);
                }
            }
            catch (JsonException)
            {
            }
        }

        // Decoding failures come back as a 400 in text/plain and say exactly which input was wrong. Any other
        // non-JSON body (a proxy's page, a debug dump that may carry the request's headers) is not echoed.
        var text = body.Trim();
        var isDecoderMessage = status == 400 && mediaType is not null && mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
        if (text.Length == 0 || !isDecoderMessage)
        {
            return (null, $"HTTP {status}.");
        }

        return (null, text.Length > MaxPlainTextMessage ? text[..MaxPlainTextMessage] + "…" : text);
    }

    protected override (string? Code, string Message)? ReadBusinessFailure(JsonNode? body) =>
        TwoPhaseBooking.FailureIn(body) is { } message ? (TwoPhaseBooking.FailureCode, message) : null;
}
