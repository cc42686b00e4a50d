using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Serverless.Gateway.OAuth.Server;

/// <summary>
/// The clients the authorization server knows: registered through DCR (RFC 7591) or described by a Client ID Metadata
/// Document at their HTTPS client_id. Every one is a public client (PKCE, no secret) limited to the code flow.
/// </summary>
public sealed class OAuthClients(IOpenIddictApplicationManager applications, ClientMetadataDocuments documents, TimeProvider time)
{
    internal const int MaxRedirectUris = 10;
    internal const int MaxNameLength = 100;
    internal const int MaxUriLength = 2000;

    /// <summary>The record id of a client id: a digest, because a client id may be a URL and ids must be plain keys.</summary>
    public static string RecordId(string clientId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientId)))[..40];

    /// <summary>Registers a client from a DCR request body; the response document, or an RFC 7591 error.</summary>
    public async Task<(JsonObject? Registered, string? Error, string? Description)> RegisterAsync(JsonObject request, CancellationToken cancellationToken)
    {
        if (request["token_endpoint_auth_method"] is JsonValue method && method.ToString() is { } m && m != ClientAuthenticationMethods.None)
        {
            // A secret would have to be kept by the client; MCP clients are public clients with PKCE.
            return (null, "invalid_client_metadata", "Only public clients are registered: token_endpoint_auth_method must be 'none'.");
        }

        if (Strings(request["grant_types"]) is { } grants && grants.Any(g => g is not (GrantTypes.AuthorizationCode or GrantTypes.RefreshToken)))
        {
            return (null, "invalid_client_metadata", "grant_types may hold only authorization_code and refresh_token.");
        }

        if (Strings(request["response_types"]) is { } responses && responses.Any(r => r != ResponseTypes.Code))
        {
            return (null, "invalid_client_metadata", "response_types may hold only code.");
        }

        var (redirects, problem) = RedirectUris(request["redirect_uris"]);
        if (redirects is null)
        {
            return (null, "invalid_redirect_uri", problem);
        }

        var name = Name(request["client_name"]);
        var clientId = "mcp_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await applications.CreateAsync(Descriptor(clientId, name, redirects), cancellationToken).ConfigureAwait(false);
        return (new JsonObject
        {
            ["client_id"] = clientId,
            ["client_id_issued_at"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["client_name"] = name,
            ["redirect_uris"] = new JsonArray([.. redirects.Select(r => JsonValue.Create(r))]),
            ["grant_types"] = new JsonArray(GrantTypes.AuthorizationCode, GrantTypes.RefreshToken),
            ["response_types"] = new JsonArray(ResponseTypes.Code),
            ["token_endpoint_auth_method"] = ClientAuthenticationMethods.None,
        }, null, null);
    }

    /// <summary>
    /// When <paramref name="clientId"/> is a metadata document URL, fetches it and records the client it describes
    /// (refreshed on every authorization request); null when ready or not such a URL, else why the document is refused.
    /// </summary>
    public async Task<string?> EnsureDocumentClientAsync(string? clientId, bool refresh, CancellationToken cancellationToken)
    {
        if (clientId is null || !documents.IsDocumentUrl(clientId))
        {
            return null;
        }

        var existing = await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (existing is not null && !refresh)
        {
            return null;
        }

        var (document, error) = await documents.FetchAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return error;
        }

        if (document["client_id"]?.ToString() != clientId)
        {
            return "The client metadata document's client_id is not the URL it was fetched from.";
        }

        if (document["token_endpoint_auth_method"] is JsonValue method && method.ToString() != ClientAuthenticationMethods.None)
        {
            return "Only public clients are accepted: the document's token_endpoint_auth_method must be 'none'.";
        }

        var (redirects, problem) = RedirectUris(document["redirect_uris"]);
        if (redirects is null)
        {
            return problem;
        }

        var descriptor = Descriptor(clientId, Name(document["client_name"]) ?? new Uri(clientId).Host, redirects);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private static OpenIddictApplicationDescriptor Descriptor(string clientId, string? name, IEnumerable<string> redirects)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Native,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = name,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var redirect in redirects)
        {
            descriptor.RedirectUris.Add(new Uri(redirect));
        }

        return descriptor;
    }

    private static (List<string>? Uris, string? Problem) RedirectUris(JsonNode? node)
    {
        if (Strings(node) is not { Count: > 0 and <= MaxRedirectUris } values)
        {
            return (null, $"redirect_uris must list 1 to {MaxRedirectUris} URIs.");
        }

        foreach (var value in values)
        {
            if (value.Length > MaxUriLength || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            {
                return (null, $"'{Shorten(value)}' is not an absolute redirect URI without a fragment.");
            }

            // Plain HTTP only back to this machine (RFC 8252); other schemes are a native app's own (e.g. vscode://).
            if (uri.Scheme == Uri.UriSchemeHttp && !LoopbackRedirectApplicationManager.IsLoopback(value, out _))
            {
                return (null, $"'{Shorten(value)}' uses http to another machine; use https, or a loopback address.");
            }

            if (uri.Scheme is "javascript" or "data" or "file")
            {
                return (null, $"'{Shorten(value)}' is not a redirect URI scheme the server accepts.");
            }
        }

        return (values, null);
    }

    private static List<string>? Strings(JsonNode? node) =>
        node is JsonArray array && array.All(i => i is JsonValue v && v.TryGetValue<string>(out _))
            ? [.. array.Select(i => i!.GetValue<string>())]
            : null;

    private static string? Name(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var name) && name.Trim() is { Length: > 0 } trimmed
            ? (trimmed.Length > MaxNameLength ? trimmed[..MaxNameLength] : trimmed)
            : null;

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;
}
