namespace Serverless.Gateway.OAuth.Server;

/// <summary>The authorization server's paths, the same on every host (see the README's OAuth section).</summary>
public static class OAuthRoutes
{
    public const string Prefix = "/oauth";
    public const string Authorize = "/oauth/authorize";
    public const string Consent = "/oauth/consent";
    public const string Token = "/oauth/token";
    public const string Revoke = "/oauth/revoke";
    public const string Register = "/oauth/register";
    public const string SignIn = "/oauth/signin";
    public const string SignInCallback = "/oauth/signin/callback";
    public const string Connections = "/oauth/connections";
    public const string Keys = "/oauth/jwks";
    public const string Metadata = "/.well-known/oauth-authorization-server";
    public const string OpenIdMetadata = "/.well-known/openid-configuration";

    /// <summary>Every path the server answers, for hosts that map them one by one.</summary>
    public static readonly string[] All = [Authorize, Consent, Token, Revoke, Register, SignIn, SignInCallback, Connections, Keys, Metadata, OpenIdMetadata];
}
