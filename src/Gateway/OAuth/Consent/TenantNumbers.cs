using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Serverless.Gateway.Secrets;
using Serverless.Tools.PilotStatus;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.OAuth.Consent;

/// <summary>One WhatsApp number of the tenant, as the consent page offers it.</summary>
public sealed record TenantNumber(string Id, string Display);

/// <summary>
/// The tenant's WhatsApp numbers, listed with the tenant key the deployment holds (GET /v1/numbers), so the consent
/// page offers exactly the numbers the account has and refuses any other. Bounded in size and time.
/// </summary>
public sealed class TenantNumbers(ManagedSecrets secrets, IHttpClientFactory clients, IOptionsMonitor<UpstreamOptions> upstreams)
{
    public const string HttpClientName = "Serverless.Gateway.OAuth.TenantNumbers";
    internal const int MaxResponseBytes = 1024 * 1024;
    internal const int MaxNumbers = 500;

    /// <summary>The numbers, or null when they cannot be listed (no tenant key, upstream failure).</summary>
    public async Task<IReadOnlyList<TenantNumber>?> ListAsync(CancellationToken cancellationToken)
    {
        string tenantKey;
        try
        {
            tenantKey = await secrets.GetAsync(SecretNames.PilotStatusTenantKey, refresh: false, cancellationToken);
        }
        catch (Exception e) when (e is Tools.Errors.MissingCredentialException)
        {
            return null;
        }

        var settings = upstreams.Get(UpstreamOptions.PilotStatusSection);
        using var request = new HttpRequestMessage(HttpMethod.Get, settings.BaseUrl.TrimEnd('/') + "/v1/numbers");
        request.Headers.TryAddWithoutValidation(PilotStatusClient.ApiKeyHeader, tenantKey);
        request.Headers.Accept.ParseAdd("application/json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentLength > MaxResponseBytes)
            {
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > MaxResponseBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            var body = JsonNode.Parse(buffer.ToArray());
            var items = body as JsonArray ?? (body as JsonObject)?.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault() ?? [];
            return [.. items.OfType<JsonObject>()
                .Select(n => (Id: Text(n["id"]), Phone: Text(n["number"]), Name: Text(n["name"])))
                .Where(n => n.Id is not null)
                .Take(MaxNumbers)
                .Select(n => new TenantNumber(n.Id!, string.Join(" – ", new[] { n.Phone, n.Name }.Where(s => s is not null)) is { Length: > 0 } shown ? shown : n.Id!))];
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
