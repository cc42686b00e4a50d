using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.Json;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.PilotStatus;

/// <summary>Typed client of the Pilot Status REST API: one method per endpoint.</summary>
public sealed partial class PilotStatusClient(
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

    // Messaging

    public Task<UpstreamResponse> SendMessageAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/messages/send", Body: body), ct);

    public Task<UpstreamResponse> GetMessageAsync(string messageId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/messages/{UpstreamCall.Segment(messageId)}"), ct);

    public Task<UpstreamResponse> CancelMessagesAsync(IReadOnlyList<string> messageIds, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Delete, "/v1/messages/cancel",
            Body: new JsonObject { ["messageIds"] = new JsonArray([.. messageIds.Select(id => JsonValue.Create(id))]) }), ct);

    public Task<UpstreamResponse> GroupMessagesAsync(string? startDate, string? endDate, int? page, int? pageSize, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/messages/group", Query: DateRangePage(startDate, endDate, page, pageSize)), ct);

    public Task<UpstreamResponse> UnreadMessagesAsync(int? page, int? pageSize, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/messages/unread", Query: DateRangePage(null, null, page, pageSize)), ct);

    public Task<UpstreamResponse> ConversationsAsync(string? startDate, string? endDate, int? page, int? pageSize, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/conversations", Query: DateRangePage(startDate, endDate, page, pageSize)), ct);

    private static KeyValuePair<string, string?>[] DateRangePage(string? startDate, string? endDate, int? page, int? pageSize) =>
    [
        new("startDate", startDate),
        new("endDate", endDate),
        new("page", page?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("pageSize", pageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

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
