using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Serverless.Gateway.OAuth;

namespace Serverless.Functions;

/// <summary>The OAuth routes of the function app: Protected Resource Metadata, answered only when OAuth is enabled.</summary>
public sealed class OAuthFunction(ProtectedResourceEndpoint metadata)
{
    public const string Name = "oauth";

    [Function(Name)]
    public Task Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ".well-known/oauth-protected-resource/{*suffix}")] HttpRequest request,
        string? suffix) =>
        metadata.HandleAsync(request.HttpContext, suffix);
}
