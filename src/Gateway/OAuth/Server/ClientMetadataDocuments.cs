using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Serverless.Gateway.OAuth.Server;

/// <summary>
/// Fetches Client ID Metadata Documents: the client_id is an HTTPS URL whose JSON describes the client. Guarded
/// against server-side request forgery: the address actually connected to is checked (so DNS cannot swap it after
/// the check), private, loopback and link-local addresses are refused unless a setting allows them, redirects are
/// not followed, and the answer is bounded in size and time.
/// </summary>
public sealed class ClientMetadataDocuments(IHttpClientFactory clients, IOptionsMonitor<OAuthOptions> options)
{
    public const string HttpClientName = "Serverless.Gateway.OAuth.ClientMetadata";

    /// <summary>An HTTPS URL with a path (HTTP too when private addresses are allowed, for local tests).</summary>
    public bool IsDocumentUrl(string clientId) =>
        clientId.Length <= OAuthClients.MaxUriLength
        && Uri.TryCreate(clientId, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && options.CurrentValue.ClientMetadata.AllowPrivateAddresses))
        && uri.AbsolutePath.Length > 1 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;

    public async Task<(JsonObject? Document, string? Error)> FetchAsync(string url, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.ClientMetadata;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(settings.TimeoutSeconds, 1, 30)));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, $"The client metadata document answered HTTP {(int)response.StatusCode} (redirects are not followed).");
            }

            var max = Math.Clamp(settings.MaxBytes, 1024, 1024 * 1024);
            if (response.Content.Headers.ContentLength > max)
            {
                return (null, $"The client metadata document is larger than {max} bytes.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return (null, $"The client metadata document is larger than {max} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }

            return JsonNode.Parse(buffer.ToArray()) is JsonObject document
                ? (document, null)
                : (null, "The client metadata document is not a JSON object.");
        }
        catch (JsonException)
        {
            return (null, "The client metadata document is not valid JSON.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "The client metadata document did not arrive in time.");
        }
        catch (HttpRequestException e)
        {
            return (null, e.InnerException is ForbiddenAddressException forbidden ? forbidden.Message : "The client metadata document could not be fetched.");
        }
    }

    /// <summary>The connection handler: no redirects, no proxy, and every address checked as it is connected to.</summary>
    public static SocketsHttpHandler CreateHandler(IOptionsMonitor<OAuthOptions> options) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var allowPrivate = options.CurrentValue.ClientMetadata.AllowPrivateAddresses;
            var addresses = IPAddress.TryParse(context.DnsEndPoint.Host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
            var usable = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
            if (usable.Length == 0)
            {
                throw new ForbiddenAddressException($"The client metadata document's host '{context.DnsEndPoint.Host}' has no public address; private, loopback and link-local addresses are refused.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>Whether an address is on the public internet: not loopback, private, link-local, unique-local, shared, multicast or unspecified.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || b[0] >= 224
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19));
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8)
            || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b));
    }

    private sealed class ForbiddenAddressException(string message) : IOException(message);
}
