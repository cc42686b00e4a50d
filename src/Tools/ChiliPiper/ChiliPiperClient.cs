using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.Json;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.ChiliPiper;

/// <summary>Typed client of the Chili Piper Edge API: one method per endpoint.</summary>
public sealed partial class ChiliPiperClient(
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

    // Organization

    public Task<UpstreamResponse> PingAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/org/health/ping"), ct);

    public Task<UpstreamResponse> GetTenantAsync(CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/org/tenant/get"), ct);

    // Users

    public Task<UpstreamResponse> FindUsersAsync(string query, Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, "/v1/org/user/find",
            Query: [new("query", query), .. Paging(pagination)]), ct);

    public Task<UpstreamResponse> FindUsersByFilterAsync(JsonObject filter, Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/user/find-by-filter", Query: Paging(pagination), Body: filter), ct);

    public Task<UpstreamResponse> FindUsersByIdsAsync(IReadOnlyList<string> userIds, Pagination? pagination, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/user/find-by-id", Query: Paging(pagination),
            Body: new JsonArray([.. userIds.Select(id => JsonValue.Create(id))])), ct);

    public Task<UpstreamResponse> ReadUserAsync(string userId, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Get, $"/v1/org/user/read/{UpstreamCall.Segment(userId)}"), ct);

    public Task<UpstreamResponse> InviteUserAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/user/invite", Body: body), ct);

    public Task<UpstreamResponse> UpdateLicensesAsync(JsonObject body, CancellationToken ct) =>
        SendAsync(new UpstreamCall(HttpMethod.Post, "/v1/org/user/licenses", Body: body), ct);

    private static KeyValuePair<string, string?>[] Paging(Pagination? pagination) =>
    [
        new("page", pagination?.Page?.ToString(CultureInfo.InvariantCulture)),
        new("pageSize", pagination?.PageSize?.ToString(CultureInfo.InvariantCulture)),
    ];

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
