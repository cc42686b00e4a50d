using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Serverless.Gateway.OAuth.Consent;

/// <summary>One approved connection as its user sees it.</summary>
public sealed record Connection(string Id, string Client, string Grant, DateTimeOffset? Created);

/// <summary>
/// The connections users approved (OpenIddict's permanent authorizations): listing, revoking (which revokes every
/// refresh and access token issued under it), and the check every access token passes on each MCP request.
/// </summary>
public sealed class OAuthConnections(IOpenIddictAuthorizationManager authorizations, IOpenIddictTokenManager tokens, IOpenIddictApplicationManager applications)
{
    public const string GrantProperty = "grant";
    public const string ClientNameProperty = "client_name";

    public async Task<IReadOnlyList<Connection>> ListAsync(string subject, CancellationToken cancellationToken)
    {
        var list = new List<Connection>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, cancellationToken))
        {
            if (await authorizations.GetStatusAsync(authorization, cancellationToken) != Statuses.Valid
                || await authorizations.GetTypeAsync(authorization, cancellationToken) != AuthorizationTypes.Permanent)
            {
                continue;
            }

            var properties = await authorizations.GetPropertiesAsync(authorization, cancellationToken);
            list.Add(new Connection(
                (await authorizations.GetIdAsync(authorization, cancellationToken))!,
                Text(properties, ClientNameProperty) ?? "an MCP client",
                Text(properties, GrantProperty) ?? "",
                await authorizations.GetCreationDateAsync(authorization, cancellationToken)));
        }

        return [.. list.OrderByDescending(c => c.Created)];
    }

    /// <summary>Revokes a connection of this subject and every token issued under it; false when it is not theirs.</summary>
    public async Task<bool> RevokeAsync(string subject, string id, CancellationToken cancellationToken)
    {
        if (await authorizations.FindByIdAsync(id, cancellationToken) is not { } authorization
            || await authorizations.GetSubjectAsync(authorization, cancellationToken) != subject)
        {
            return false;
        }

        await authorizations.TryRevokeAsync(authorization, cancellationToken);
        await tokens.RevokeByAuthorizationIdAsync(id, cancellationToken);
        return true;
    }

    /// <summary>Whether an access token and its connection are still valid (neither revoked nor, for the token, redeemed).</summary>
    public async Task<bool> IsActiveAsync(string? tokenId, string? authorizationId, CancellationToken cancellationToken)
    {
        if (tokenId is not null
            && (await tokens.FindByIdAsync(tokenId, cancellationToken) is not { } token || !await tokens.HasStatusAsync(token, Statuses.Valid, cancellationToken)))
        {
            return false;
        }

        return authorizationId is null
            || (await authorizations.FindByIdAsync(authorizationId, cancellationToken) is { } authorization
                && await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken));
    }

    public async Task<string?> ClientNameAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
            ? await applications.GetDisplayNameAsync(application, cancellationToken)
            : null;

    private static string? Text(IReadOnlyDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
