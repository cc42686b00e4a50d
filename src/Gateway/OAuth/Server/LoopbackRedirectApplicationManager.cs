using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using Serverless.Gateway.OAuth.Stores;

namespace Serverless.Gateway.OAuth.Server;

/// <summary>
/// Redirect URIs match exactly, except that a loopback redirect may name any port (RFC 8252 §7.3): native clients
/// (Claude Code, VS Code, mcp-remote) listen on whatever port is free when they sign in.
/// </summary>
public sealed class LoopbackRedirectApplicationManager(
    IOpenIddictApplicationCache<OAuthApplicationRecord> cache,
    ILogger<OpenIddictApplicationManager<OAuthApplicationRecord>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OAuthApplicationRecord> store)
    : OpenIddictApplicationManager<OAuthApplicationRecord>(cache, logger, options, store)
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(OAuthApplicationRecord application, string uri, CancellationToken cancellationToken = default)
    {
        if (await base.ValidateRedirectUriAsync(application, uri, cancellationToken))
        {
            return true;
        }

        return IsLoopback(uri, out var requested)
            && application.RedirectUris.Any(registered => IsLoopback(registered, out var known) && SameButPort(requested, known));
    }

    public static bool IsLoopback(string value, out Uri uri)
    {
        uri = null!;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttp)
        {
            return false;
        }

        uri = parsed;
        return parsed.Host == "localhost" || (IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }

    private static bool SameButPort(Uri requested, Uri registered) =>
        string.Equals(requested.Host, registered.Host, StringComparison.OrdinalIgnoreCase)
        && requested.AbsolutePath == registered.AbsolutePath
        && requested.Query == registered.Query
        && requested.Fragment.Length == 0
        && requested.UserInfo.Length == 0;
}
