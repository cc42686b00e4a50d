using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Serverless.Gateway.Callers;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Serverless.Gateway.OAuth.Server;

/// <summary>The gateway's public names for the authorization server: the issuer without a trailing slash, as the resource metadata names it.</summary>
public sealed class IssuerNames(IOptionsMonitor<OAuthOptions> oauth, IOptionsMonitor<GatewayOptions> gateway)
{
    public ResourceUrls For(OpenIddictServerTransaction transaction) =>
        For(transaction.GetHttpRequest() ?? throw new InvalidOperationException("No HTTP request."));

    public ResourceUrls For(Microsoft.AspNetCore.Http.HttpRequest request) => ResourceUrls.For(request, oauth.CurrentValue, gateway.CurrentValue);
}

/// <summary>
/// Access tokens keep the one format the resource accepts (<see cref="AccessTokens"/>): at+jwt for the MCP URL, the
/// consented grant as claims, plus the ids of the token and its connection so a revoked one is refused.
/// </summary>
public sealed class AccessTokenIssuer(AccessTokens tokens, IssuerNames names) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
        .UseScopedHandler<AccessTokenIssuer>()
        .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order - 1)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType is not (TokenTypeIdentifiers.AccessToken or TokenTypeHints.AccessToken) || context.Principal is not { } principal)
        {
            return;
        }

        var grant = ConsentedGrant.FromPrincipal(principal)
            ?? throw new InvalidOperationException("The access token's principal carries no grant.");
        var subject = principal.GetClaim(Claims.Subject) ?? throw new InvalidOperationException("The access token's principal has no subject.");
        var clientId = principal.GetClaim(Claims.ClientId) ?? context.Request?.ClientId ?? throw new InvalidOperationException("No client id.");
        var now = DateTimeOffset.UtcNow;
        var lifetime = (principal.GetExpirationDate() ?? now.AddHours(1)) - (principal.GetCreationDate() ?? now);
        var urls = names.For(context.Transaction);
        context.Token = await tokens.IssueAsync(urls.Issuer, urls.Resource, subject, clientId, grant, lifetime,
            principal.GetTokenId(), principal.GetAuthorizationId());
    }
}

/// <summary>
/// Client ID Metadata Documents: before OpenIddict looks the client up, an HTTPS client_id's document is fetched (on
/// each authorization request; on a token request only when the client is not yet known) and recorded as a client.
/// </summary>
public sealed class ClientDocumentLoader(OAuthClients clients) :
    IOpenIddictServerHandler<ValidateAuthorizationRequestContext>, IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor AuthorizationDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseScopedHandler<ClientDocumentLoader>().SetOrder(int.MinValue + 50_000).SetType(OpenIddictServerHandlerType.Custom).Build();

    public static OpenIddictServerHandlerDescriptor TokenDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseScopedHandler<ClientDocumentLoader>().SetOrder(int.MinValue + 50_000).SetType(OpenIddictServerHandlerType.Custom).Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (await clients.EnsureDocumentClientAsync(context.ClientId, refresh: true, context.CancellationToken) is { } problem)
        {
            context.Reject(Errors.InvalidClient, problem);
        }
    }

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (await clients.EnsureDocumentClientAsync(context.ClientId, refresh: false, context.CancellationToken) is { } problem)
        {
            context.Reject(Errors.InvalidClient, problem);
        }
    }
}

/// <summary>RFC 8707: a resource, when named, must be this gateway's MCP URL; tokens are only ever made for it.</summary>
public sealed class ResourceParameterCheck(IssuerNames names) :
    IOpenIddictServerHandler<ValidateAuthorizationRequestContext>, IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    // After the redirect URI is known to be the client's, so the refusal goes back to the client as an error redirect.
    public static OpenIddictServerHandlerDescriptor AuthorizationDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
        .UseScopedHandler<ResourceParameterCheck>().SetOrder(OpenIddictServerHandlers.Authentication.ValidateClientRedirectUri.Descriptor.Order + 1).SetType(OpenIddictServerHandlerType.Custom).Build();

    public static OpenIddictServerHandlerDescriptor TokenDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
        .UseScopedHandler<ResourceParameterCheck>().SetOrder(int.MinValue + 100_000).SetType(OpenIddictServerHandlerType.Custom).Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context) => Check(context, context.Request.GetResources());

    public ValueTask HandleAsync(ValidateTokenRequestContext context) => Check(context, context.Request.GetResources());

    private ValueTask Check(BaseValidatingContext context, IEnumerable<string> resources)
    {
        var resource = names.For(context.Transaction).Resource;
        if (resources.FirstOrDefault(r => !string.Equals(r.TrimEnd('/'), resource, StringComparison.Ordinal)) is { } other)
        {
            context.Reject(Errors.InvalidTarget, $"This authorization server issues tokens only for {resource}, not for '{other}'.");
        }

        return default;
    }
}

/// <summary>
/// RFC 8414 metadata as MCP clients read it: the issuer as the resource metadata names it, Dynamic Client Registration,
/// Client ID Metadata Documents, public clients with S256 PKCE only.
/// </summary>
public sealed class MetadataAdditions(IssuerNames names) : IOpenIddictServerHandler<ApplyConfigurationResponseContext>, IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
{
    public static OpenIddictServerHandlerDescriptor ConfigurationDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyConfigurationResponseContext>()
        .UseScopedHandler<MetadataAdditions>().SetOrder(int.MinValue + 100_000).SetType(OpenIddictServerHandlerType.Custom).Build();

    // After OpenIddict attaches iss (RFC 9207): set earlier, the value would be replaced by the request's own origin.
    public static OpenIddictServerHandlerDescriptor AuthorizationDescriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
        .UseScopedHandler<MetadataAdditions>().SetOrder(OpenIddictServerHandlers.Authentication.AttachIssuer.Descriptor.Order + 1).SetType(OpenIddictServerHandlerType.Custom).Build();

    public ValueTask HandleAsync(ApplyConfigurationResponseContext context)
    {
        if (context.Response.Error is not null)
        {
            return default;
        }

        var issuer = names.For(context.Transaction).Issuer;
        context.Response[Metadata.Issuer] = issuer;
        // OpenIddict builds endpoint URLs from the request's own host; behind a front end that is not the public one.
        foreach (var (name, value) in context.Response.GetParameters().ToArray())
        {
            if ((name.EndsWith("_endpoint", StringComparison.Ordinal) || name == Metadata.JwksUri)
                && (string?)value is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                context.Response[name] = issuer + uri.PathAndQuery;
            }
        }

        context.Response["registration_endpoint"] = issuer + OAuthRoutes.Register;
        context.Response["client_id_metadata_document_supported"] = true;
        context.Response[Metadata.CodeChallengeMethodsSupported] = new OpenIddictParameter(System.Collections.Immutable.ImmutableArray.Create<string?>(CodeChallengeMethods.Sha256));
        context.Response[Metadata.TokenEndpointAuthMethodsSupported] = new OpenIddictParameter(System.Collections.Immutable.ImmutableArray.Create<string?>(ClientAuthenticationMethods.None));
        context.Response[Metadata.RevocationEndpointAuthMethodsSupported] = new OpenIddictParameter(System.Collections.Immutable.ImmutableArray.Create<string?>(ClientAuthenticationMethods.None));
        context.Response[Metadata.GrantTypesSupported] = new OpenIddictParameter(System.Collections.Immutable.ImmutableArray.Create<string?>(GrantTypes.AuthorizationCode, GrantTypes.RefreshToken));
        context.Response[Metadata.ResponseTypesSupported] = new OpenIddictParameter(System.Collections.Immutable.ImmutableArray.Create<string?>(ResponseTypes.Code));
        return default;
    }

    public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
    {
        if (context.Response.Iss is not null)
        {
            context.Response.Iss = names.For(context.Transaction).Issuer;
        }

        return default;
    }
}

/// <summary>The consented grant as principal claims, and back: the claims access tokens carry (<see cref="GrantClaims"/>).</summary>
public static class ConsentedGrant
{
    public static void AddTo(ClaimsIdentity identity, ClientOptions grant)
    {
        foreach (var (type, value) in GrantClaims.ToClaims(grant))
        {
            identity.SetClaim(type, value is bool b ? (b ? "true" : "false") : value.ToString());
        }
    }

    public static ClientOptions? FromPrincipal(ClaimsPrincipal principal)
    {
        var numbers = principal.GetClaim(GrantClaims.Numbers);
        var chiliPiper = principal.GetClaim(GrantClaims.ChiliPiper);
        if (numbers is null || chiliPiper is null)
        {
            return null;
        }

        return new ClientOptions
        {
            Numbers = numbers,
            ChiliPiper = chiliPiper,
            Toolsets = principal.GetClaim(GrantClaims.Toolsets),
            ReadOnly = bool.TryParse(principal.GetClaim(GrantClaims.ReadOnly), out var readOnly) && readOnly,
        };
    }
}
