using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.PilotStatus;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Secrets;

/// <summary>
/// Finds the key of one WhatsApp number: its own secret (pilotstatus-number-key-&lt;id&gt;) when the operator
/// stored one, otherwise the usable key the tenant key's GET /v1/api-keys lists for it. Keys found that way
/// stay in memory only, for the secret cache lifetime, and are remembered for scrubbing.
/// </summary>
public sealed class NumberKeyDirectory(
    ManagedSecrets secrets,
    IHttpClientFactory httpClients,
    IOptionsMonitor<UpstreamOptions> upstreams,
    IOptionsMonitor<CredentialsOptions> options,
    KnownSecrets known,
    TimeProvider time,
    ILogger<NumberKeyDirectory> logger)
{
    public const string HttpClientName = "Serverless.Gateway.NumberKeys";

    // An api-keys answer lists one entry per number of the account; anything bigger is not one.
    internal const int MaxResponseBytes = 1024 * 1024;

    private readonly SemaphoreSlim _discovery = new(1, 1);
    private Listing? _listing;

    public async ValueTask<string> GetAsync(string numberId, bool refresh, CancellationToken cancellationToken)
    {
        var secretName = SecretNames.NumberKey(numberId)
            ?? throw new ToolArgumentException("whatsappNumberId", $"'{numberId}' is not a WhatsApp number id (empty or too long).");
        if (await secrets.FindAsync(secretName, refresh, cancellationToken).ConfigureAwait(false) is { } own)
        {
            return own;
        }

        var listing = await ListAsync(refresh, cancellationToken).ConfigureAwait(false);
        if (!listing.Keys.TryGetValue(numberId, out var key))
        {
            throw new MissingCredentialException(Upstream.PilotStatus,
                $"The account's key list (GET /v1/api-keys with the tenant key) has no number '{numberId}', and no secret '{secretName}' is set in {secrets.SourceDescription}. Check the number id with numbers_list.",
                "NUMBER_KEY_UNAVAILABLE");
        }

        return key ?? throw new MissingCredentialException(Upstream.PilotStatus,
            $"Number '{numberId}' has a legacy key that the tenant key cannot read (api-keys lists it as null). Ask the gateway's operator to store that number's key as the secret '{secretName}' in {secrets.SourceDescription}, or to regenerate the number's key.",
            "NUMBER_KEY_UNAVAILABLE");
    }

    private async ValueTask<Listing> ListAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && _listing is { } current && current.Expires > time.GetUtcNow())
        {
            return current;
        }

        await _discovery.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another call may have listed the keys while this one waited.
            if (!refresh && _listing is { } fresh && fresh.Expires > time.GetUtcNow())
            {
                return fresh;
            }

            var tenantKey = await secrets.GetAsync(SecretNames.PilotStatusTenantKey, refresh, cancellationToken).ConfigureAwait(false);
            var (status, body) = await FetchAsync(tenantKey, cancellationToken).ConfigureAwait(false);
            if (status == HttpStatusCode.Unauthorized && !refresh)
            {
                tenantKey = await secrets.GetAsync(SecretNames.PilotStatusTenantKey, refresh: true, cancellationToken).ConfigureAwait(false);
                (status, body) = await FetchAsync(tenantKey, cancellationToken).ConfigureAwait(false);
            }

            if (status != HttpStatusCode.OK || body is null)
            {
                logger.LogWarning("Listing number keys with the tenant key failed: HTTP {Status}", (int)status);
                throw new MissingCredentialException(Upstream.PilotStatus,
                    $"The gateway could not list the numbers' keys with the tenant key (GET /v1/api-keys answered HTTP {(int)status}). Ask the gateway's operator to check the secret '{SecretNames.PilotStatusTenantKey}', or to store the number's key as its own secret ('{SecretNames.PilotStatusNumberKeyPrefix}<number id>').",
                    "NUMBER_KEY_UNAVAILABLE");
            }

            var listing = new Listing(Parse(body), time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, options.CurrentValue.SecretCacheSeconds)));
            _listing = listing;
            return listing;
        }
        finally
        {
            _discovery.Release();
        }
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> FetchAsync(string tenantKey, CancellationToken cancellationToken)
    {
        var settings = upstreams.Get(UpstreamOptions.PilotStatusSection);
        using var request = new HttpRequestMessage(HttpMethod.Get, settings.BaseUrl.TrimEnd('/') + "/v1/api-keys");
        request.Headers.TryAddWithoutValidation(PilotStatusClient.ApiKeyHeader, tenantKey);
        request.Headers.Accept.ParseAdd("application/json");
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (response.StatusCode, null);
            }

            if (response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                return (HttpStatusCode.InsufficientStorage, null);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(attempt.Token).ConfigureAwait(false);
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, attempt.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    return (HttpStatusCode.InsufficientStorage, null);
                }

                buffer.Write(chunk, 0, read);
            }

            return (HttpStatusCode.OK, JsonNode.Parse(buffer.ToArray()));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Listing number keys with the tenant key failed ({Reason})", e.GetType().Name);
            return (HttpStatusCode.BadGateway, null);
        }
    }

    /// <summary>The api-keys answer: a flat array of {numberId, key | null, …}; a wrapping object's first array is read too.</summary>
    private Dictionary<string, string?> Parse(JsonNode body)
    {
        var items = body as JsonArray ?? (body as JsonObject)?.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault() ?? [];
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var item in items.OfType<JsonObject>())
        {
            if (Text(item["numberId"] ?? item["whatsappNumberId"]) is not { } numberId)
            {
                continue;
            }

            var key = Text(item["key"]);
            known.Remember(key);
            keys[numberId] = key;
        }

        return keys;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private sealed record Listing(IReadOnlyDictionary<string, string?> Keys, DateTimeOffset Expires);
}
