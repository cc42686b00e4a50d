using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Server.AspNetCore;
using Serverless.Gateway.Http;
using Serverless.Gateway.OAuth.Consent;
using Serverless.Gateway.OAuth.SignIn;
using Serverless.Gateway.Secrets;

namespace Serverless.Gateway.OAuth.Server;

/// <summary>
/// Every authorization server path, host-independent like the MCP endpoint: the self-host maps it to routes and the
/// function app to functions. The protocol endpoints are OpenIddict's, invoked through its authentication handler
/// (<see cref="IAuthenticationRequestHandler"/>) because the Functions worker runs no ASP.NET Core middleware; the
/// pages, registration and metadata documents are the gateway's. 404 unless OAuth is on with a sign-in.
/// </summary>
public sealed class OAuthServerEndpoint(
    IOptionsMonitor<OAuthOptions> oauth,
    IOptionsMonitor<GatewayOptions> gateway,
    IOptionsMonitor<CredentialsOptions> credentials,
    IServiceProvider services,
    ILogger<OAuthServerEndpoint> logger)
{
    internal const int MaxRegistrationBytes = 16 * 1024;

    public bool Serving => oauth.CurrentValue is { Enabled: true, SignIn: not OAuthSignIn.None } && credentials.CurrentValue.Mode == CredentialsMode.Managed
        && services.GetService<OAuthClients>() is not null;

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? "";
        if (!Serving || !OAuthRoutes.All.Contains(path, StringComparer.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (HostGuard.Refusal(context.Request, gateway.CurrentValue) is { } refusal)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Forbidden: " + refusal);
            return;
        }

        try
        {
            await DispatchAsync(context, path);
        }
        catch (SigningKeysUnavailableException e)
        {
            logger.LogError(e, "OAuth request not served: {Reason}", e.Message);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("Service Unavailable: the gateway cannot read its token signing keys; ask its operator.");
            }
        }
    }

    private async Task DispatchAsync(HttpContext context, string path)
    {
        switch (path)
        {
            case OAuthRoutes.Register:
                await RegisterAsync(context);
                return;
            case OAuthRoutes.SignIn when oauth.CurrentValue.SignIn == OAuthSignIn.Oidc:
                await context.RequestServices.GetRequiredService<OidcSignIn>().StartAsync(context);
                return;
            case OAuthRoutes.SignIn:
                await context.RequestServices.GetRequiredService<SignInPage>().HandleAsync(context);
                return;
            case OAuthRoutes.SignInCallback when oauth.CurrentValue.SignIn == OAuthSignIn.Oidc:
                await context.RequestServices.GetRequiredService<OidcSignIn>().CallbackAsync(context);
                return;
            case OAuthRoutes.SignInCallback:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            case OAuthRoutes.Connections:
                await context.RequestServices.GetRequiredService<ConnectionsPage>().HandleAsync(context);
                return;
            case OAuthRoutes.Metadata or OAuthRoutes.OpenIdMetadata:
                // Public metadata that browser-based clients read cross-origin.
                context.Response.Headers.AccessControlAllowOrigin = "*";
                break;
            case OAuthRoutes.Token or OAuthRoutes.Revoke:
                context.Response.Headers.AccessControlAllowOrigin = "*";
                if (HttpMethods.IsOptions(context.Request.Method))
                {
                    Preflight(context);
                    return;
                }

                break;
        }

        // A host that runs ASP.NET Core's authentication middleware (the self-host) has already let OpenIddict see the
        // request; the function app runs none, so the handler is invoked here. Either way it runs once. The handler
        // and its dispatcher are scoped: they come from the request's services, never from the root provider.
        if (context.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction is null)
        {
            var handler = await context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>().GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme) as IAuthenticationRequestHandler
                ?? throw new InvalidOperationException("The OpenIddict server handler is not registered.");
            if (await handler.HandleRequestAsync())
            {
                return;
            }
        }

        if (context.Response.HasStarted)
        {
            return;
        }

        // Passthrough: OpenIddict validated an authorization request and leaves the answer to the pages.
        if (path == OAuthRoutes.Authorize)
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = OAuthRoutes.Consent + context.Request.QueryString.Value;
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync();
                context.Response.Headers.Location = OAuthRoutes.Consent + QueryString.Create(form.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString())));
            }

            return;
        }

        if (path == OAuthRoutes.Consent)
        {
            await context.RequestServices.GetRequiredService<ConsentPage>().HandleAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>Dynamic Client Registration (RFC 7591): public clients only, redirect URIs checked, bounded body.</summary>
    private async Task RegisterAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.AccessControlAllowOrigin = "*";
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            Preflight(context);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            response.Headers.Allow = "POST";
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var body = await RequestBody.ReadAsync(context, MaxRegistrationBytes);
        JsonObject? request = null;
        try
        {
            request = body is null ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
        }

        if (request is null)
        {
            await RegistrationErrorAsync(response, "invalid_client_metadata", $"The body must be a JSON object of at most {MaxRegistrationBytes} bytes.");
            return;
        }

        var (registered, error, description) = await context.RequestServices.GetRequiredService<OAuthClients>().RegisterAsync(request, context.RequestAborted);
        if (registered is null)
        {
            await RegistrationErrorAsync(response, error!, description!);
            return;
        }

        response.StatusCode = StatusCodes.Status201Created;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(registered.ToJsonString());
    }

    private static Task RegistrationErrorAsync(HttpResponse response, string error, string description)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "application/json";
        return response.WriteAsync(new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString());
    }

    private static void Preflight(HttpContext context)
    {
        context.Response.Headers.AccessControlAllowMethods = "POST, OPTIONS";
        context.Response.Headers.AccessControlAllowHeaders = "Content-Type, Authorization, MCP-Protocol-Version";
        context.Response.Headers.AccessControlMaxAge = "600";
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
