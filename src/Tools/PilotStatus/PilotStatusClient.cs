using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Tools.PilotStatus;

/// <summary>
/// The connection to the Pilot Status REST API: credentials, errors, retries. The endpoints live in one thin client
/// per area (<see cref="MessagingClient"/>, <see cref="AccountClient"/>, ...) that sends through it.
/// </summary>
public sealed class PilotStatusClient(
    HttpClient http,
    IOptionsMonitor<UpstreamOptions> options,
    CallerCredentials credentials,
    ILogger<PilotStatusClient> logger,
    TimeProvider time)
    : UpstreamClient(http, options.Get(UpstreamOptions.PilotStatusSection), logger, time)
{
    public const string ApiKeyHeader = "x-api-key";
    public const string ApiKeyIdHeader = "x-api-key-id";
    public const string NumberIdHeader = "x-whatsapp-number-id";

    protected override Upstream Upstream => Upstream.PilotStatus;

    protected override bool CanRefreshCredential => credentials.Managed is not null;

    protected override async ValueTask AuthorizeAsync(HttpRequestMessage request, bool refresh, CancellationToken cancellationToken)
    {
        if (credentials.Managed is { } managed)
        {
            var credential = await managed.GetAsync(Upstream.PilotStatus, refresh, cancellationToken).ConfigureAwait(false);
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, credential.Secret);
            if (credential.WhatsAppNumberId is { Length: > 0 } number)
            {
                request.Headers.TryAddWithoutValidation(NumberIdHeader, number);
            }

            return;
        }

        if (!string.IsNullOrEmpty(credentials.PilotStatusApiKey))
        {
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, credentials.PilotStatusApiKey);
        }
        else if (!string.IsNullOrEmpty(credentials.PilotStatusApiKeyId))
        {
            request.Headers.TryAddWithoutValidation(ApiKeyIdHeader, credentials.PilotStatusApiKeyId);
        }
        else
        {
            throw new MissingCredentialException(Upstream.PilotStatus,
                "Send the Pilot Status key in the x-api-key header (or its id in x-api-key-id).");
        }

        if (!string.IsNullOrEmpty(credentials.WhatsAppNumberId))
        {
            request.Headers.TryAddWithoutValidation(NumberIdHeader, credentials.WhatsAppNumberId);
        }
    }

    protected override (string? Code, string Message) ReadError(int status, string? mediaType, string body)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize(body, ToolJsonContext.Default.PilotStatusErrorBody);
            if (parsed is not null && (parsed.Error is not null || parsed.Code is not null))
            {
                var message = parsed.Error ?? parsed.Code!;
                // details.missing names what the caller must add; worth passing on, unlike the rest of the body.
                if (parsed.Details is { ValueKind: JsonValueKind.Object } details
                    && details.TryGetProperty("missing", out var missing) && missing.ValueKind == JsonValueKind.Array)
                {
                    message += " Missing: " + string.Join(", ", missing.EnumerateArray().Select(m => m.ToString())) + ".";
                }

                return (parsed.Code, message);
            }
        }
        catch (JsonException)
        {
        }

        return (null, StatusText(status));
    }

    internal static string StatusText(int status) => status switch
    {
        400 => "The request was rejected as invalid.",
        401 => "The API key is missing or invalid.",
        403 => "The API key is not allowed to do this.",
        404 => "Not found.",
        409 => "Conflict with the current state.",
        429 => "Rate limit exceeded.",
        _ => $"HTTP {status}.",
    };
}
