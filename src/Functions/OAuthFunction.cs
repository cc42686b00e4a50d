using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Gateway.OAuth;
using Serverless.Gateway.OAuth.Server;

namespace Serverless.Functions;

/// <summary>
/// The OAuth routes of the function app, answered only when OAuth is enabled: Protected Resource Metadata, and the
/// authorization server (metadata, authorize, consent, token, revoke, register, sign-in, connections). The worker runs
/// no ASP.NET Core middleware, so the gateway endpoint invokes OpenIddict's handler itself.
/// </summary>
public sealed class OAuthFunction(ProtectedResourceEndpoint metadata, OAuthServerEndpoint server)
{
    public const string Name = "oauth";
    public const string ServerName = "oauth-server";
    public const string ServerMetadataName = "oauth-server-metadata";
    public const string OpenIdMetadataName = "oauth-openid-metadata";

    [Function(Name)]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ".well-known/oauth-protected-resource/{*suffix}")] HttpRequest request,
        string? suffix) =>
        metadata.HandleAsync(request.HttpContext, suffix);

    [Function(ServerName)]
    public Task RunServer(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "options", Route = "oauth/{*path}")] HttpRequest request) =>
        server.HandleAsync(request.HttpContext);

    [Function(ServerMetadataName)]
    public Task RunServerMetadata(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ".well-known/oauth-authorization-server")] HttpRequest request) =>
        server.HandleAsync(request.HttpContext);

    [Function(OpenIdMetadataName)]
    public Task RunOpenIdMetadata(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ".well-known/openid-configuration")] HttpRequest request) =>
        server.HandleAsync(request.HttpContext);
}
