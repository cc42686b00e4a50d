using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using Serverless.Gateway.OAuth;
using Serverless.Gateway.OAuth.SignIn;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Gateway.Tests.Managed;
using Serverless.Gateway.Tests.OAuth.Server;

namespace Serverless.Gateway.Tests.OAuth.SignIn;

/// <summary>Sign-in through an OpenID Connect provider (a stand-in in this process), on a managed gateway without the sandbox switch.</summary>
public sealed class OidcSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Dictionary<string, string?> Settings(StandInOidcProvider provider, string? users = "alice@example.com", string? groups = null)
    {
        var settings = OAuthHost.Settings();
        settings["OAuth:SignIn"] = "Oidc";
        settings["OAuth:Oidc:Authority"] = provider.Authority;
        settings["OAuth:Oidc:ClientId"] = StandInOidcProvider.ClientId;
        settings["OAuth:Oidc:AllowedUsers"] = users;
        settings["OAuth:Oidc:AllowedGroups"] = groups;
        settings["Secrets:" + OidcOptions.ClientSecretName] = StandInOidcProvider.ClientSecret;
        return settings;
    }

    [Fact]
    public async Task An_allowed_user_signs_in_at_the_provider_consents_and_the_client_gets_a_working_token()
    {
        await using var provider = await StandInOidcProvider.StartAsync();
        await using var host = await ManagedHost.StartAsync(new UpstreamRecorder(), Settings(provider));
        using var browser = new OAuthBrowser(host);
        var clientId = await browser.RegisterAsync();
        var (verifier, challenge) = OAuthBrowser.Pkce();

        var consentUrl = await PendingConsentAsync(browser, browser.AuthorizeUrl(clientId, challenge));
        var signInUrl = await SignInRedirectAsync(browser, consentUrl);
        using var callback = await ThroughProviderAsync(browser, provider, signInUrl);
        Assert.Equal(HttpStatusCode.SeeOther, callback.StatusCode);
        Assert.Equal(consentUrl, callback.Headers.Location!.ToString());

        var page = await browser.GetPageAsync(consentUrl);
        Assert.Contains("Alice Example", page);
        using var approval = await browser.PostConsentAsync(OAuthBrowser.Fields(page),
            ("pilotstatus", "numbers"), ("number", SandboxSeedIds.Number2), ("chilipiper", "read"), ("decision", "approve"));
        var (status, tokens) = await browser.RedeemAsync(clientId, OAuthBrowser.CodeFrom(approval), verifier);
        Assert.Equal(HttpStatusCode.OK, status);
        await using var client = await host.ConnectAsClientAsync(tokens.GetProperty("access_token").GetString()!);
        Assert.Contains("messages_send", (await client.ListToolsAsync(cancellationToken: Ct)).Select(t => t.Name));

        // The provider saw the code flow with S256 PKCE, state, nonce and the OIDC scopes; the code came back with its verifier and the secret.
        var authorize = Assert.Single(provider.AuthorizeRequests);
        Assert.Equal("openid profile email", authorize["scope"].ToString());
        Assert.Equal(browser.Origin + "/oauth/signin/callback", authorize["redirect_uri"].ToString());
        Assert.False(string.IsNullOrEmpty(authorize["state"].ToString()));
        Assert.False(string.IsNullOrEmpty(authorize["nonce"].ToString()));
        var exchange = Assert.Single(provider.TokenRequests);
        Assert.Equal(StandInOidcProvider.ClientSecret, exchange["client_secret"].ToString());
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(StandInOidcProvider.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_of_an_allowed_group_signs_in()
    {
        await using var provider = await StandInOidcProvider.StartAsync();
        provider.User["groups"] = new[] { "grp-other", "grp-mcp-admins" };
        provider.User["email"] = "bob@example.com";
        await using var host = await ManagedHost.StartAsync(new UpstreamRecorder(), Settings(provider, users: null, groups: "grp-mcp-admins"));
        using var browser = new OAuthBrowser(host);

        using var callback = await ThroughProviderAsync(browser, provider, "/oauth/signin?returnUrl=%2Foauth%2Fconnections");

        Assert.Equal(HttpStatusCode.SeeOther, callback.StatusCode);
        Assert.Equal("/oauth/connections", callback.Headers.Location!.ToString());
        Assert.Contains("Alice Example", await browser.GetPageAsync("/oauth/connections"));
    }

    [Fact]
    public async Task A_user_outside_the_allow_list_is_refused_with_a_page_naming_no_secret_and_stays_signed_out()
    {
        await using var provider = await StandInOidcProvider.StartAsync();
        provider.User["email"] = "mallory@example.com";
        provider.User["groups"] = new[] { "grp-other" };
        await using var host = await ManagedHost.StartAsync(new UpstreamRecorder(), Settings(provider, groups: "grp-mcp-admins"));
        using var browser = new OAuthBrowser(host);

        using var callback = await ThroughProviderAsync(browser, provider, "/oauth/signin?returnUrl=%2Foauth%2Fconnections");

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        var page = await callback.Content.ReadAsStringAsync(Ct);
        Assert.Contains("may not approve access", page);
        Assert.DoesNotContain(StandInOidcProvider.ClientSecret, page);
        await AssertSignedOutAsync(browser);
    }

    public static TheoryData<string> SpoiledIdTokens => ["nonce", "audience", "issuer", "key"];

    [Theory]
    [MemberData(nameof(SpoiledIdTokens))]
    public async Task An_id_token_with_a_wrong_nonce_audience_issuer_or_key_is_refused(string spoiled)
    {
        await using var provider = await StandInOidcProvider.StartAsync();
        switch (spoiled)
        {
            case "nonce": provider.NonceOverride = Base64UrlEncoder.Encode(new byte[32]); break;
            case "audience": provider.AudienceOverride = "another-client"; break;
            case "issuer": provider.IssuerOverride = provider.Authority + "/other-tenant"; break;
            case "key": provider.SignWithUnknownKey = true; break;
        }

        await using var host = await ManagedHost.StartAsync(new UpstreamRecorder(), Settings(provider));
        using var browser = new OAuthBrowser(host);

        using var callback = await ThroughProviderAsync(browser, provider, "/oauth/signin?returnUrl=%2Foauth%2Fconnections");

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Contains("could not be verified", await callback.Content.ReadAsStringAsync(Ct));
        Assert.Single(provider.TokenRequests);
        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task A_code_the_provider_will_not_redeem_for_this_client_secret_ends_in_a_page_that_names_neither_secret()
    {
        const string wrongSecret = "oidc-client-secret-wrong-51d0e2";
        await using var provider = await StandInOidcProvider.StartAsync();
        var settings = Settings(provider);
        settings["Secrets:" + OidcOptions.ClientSecretName] = wrongSecret;
        await using var host = await ManagedHost.StartAsync(new UpstreamRecorder(), settings);
        using var browser = new OAuthBrowser(host);

        using var callback = await ThroughProviderAsync(browser, provider, "/oauth/signin?returnUrl=%2Foauth%2Fconnections");

        Assert.Equal(HttpStatusCode.BadGateway, callback.StatusCode);
        var page = await callback.Content.ReadAsStringAsync(Ct);
        Assert.Contains("refused the sign-in code (HTTP 401, invalid_client)", page);
        Assert.Equal(wrongSecret, Assert.Single(provider.TokenRequests)["client_secret"].ToString());
        Assert.DoesNotContain(wrongSecret, page);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(wrongSecret, StringComparison.Ordinal));
        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task A_callback_whose_state_does_not_match_the_browsers_sign_in_is_refused_before_the_code_is_redeemed()
    {
        await using var provider = await StandInOidcProvider.StartAsync();
        await using var host = await ManagedHost.StartAsync(new UpstreamRecorder(), Settings(provider));
        using var browser = new OAuthBrowser(host);
        using var start = await browser.Http.GetAsync("/oauth/signin", Ct);
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);

        using var forged = await browser.Http.GetAsync("/oauth/signin/callback?code=abc&state=forged", Ct);
        using var noFlow = await new OAuthBrowser(host).Http.GetAsync("/oauth/signin/callback?code=abc&state=forged", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noFlow.StatusCode);
        Assert.Empty(provider.TokenRequests);
    }

    public static TheoryData<string, string?, string> IncompleteSettings => new()
    {
        { "OAuth:Oidc:AllowedUsers", null, "AllowedUsers or OAuth:Oidc:AllowedGroups" },
        { "OAuth:Oidc:ClientId", null, "OAuth:Oidc:ClientId" },
        { "OAuth:Oidc:Authority", null, "OAuth:Oidc:Authority" },
        { "OAuth:Oidc:Authority", "http://login.example.com/tenant/v2.0", "OAuth:Oidc:Authority" },
    };

    [Theory]
    [MemberData(nameof(IncompleteSettings))]
    public async Task Oidc_sign_in_without_an_allow_list_client_id_or_https_authority_refuses_to_start(string key, string? value, string message)
    {
        await using var provider = await StandInOidcProvider.StartAsync();
        var settings = Settings(provider);
        settings[key] = value;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> PendingConsentAsync(OAuthBrowser browser, string authorizeUrl)
    {
        using var authorize = await browser.Http.GetAsync(authorizeUrl, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, authorize.StatusCode);
        return authorize.Headers.Location!.ToString();
    }

    private static async Task<string> SignInRedirectAsync(OAuthBrowser browser, string consentUrl)
    {
        using var consent = await browser.Http.GetAsync(consentUrl, Ct);
        Assert.Equal(HttpStatusCode.SeeOther, consent.StatusCode);
        var signInUrl = consent.Headers.Location!.ToString();
        Assert.StartsWith("/oauth/signin?", signInUrl);
        return signInUrl;
    }

    /// <summary>The sign-in page's redirect to the provider, the provider's redirect back, and the gateway's answer to it.</summary>
    private static async Task<HttpResponseMessage> ThroughProviderAsync(OAuthBrowser browser, StandInOidcProvider provider, string signInUrl)
    {
        using var start = await browser.Http.GetAsync(signInUrl, Ct);
        Assert.Equal(HttpStatusCode.Found, start.StatusCode);
        var atProvider = start.Headers.Location!;
        Assert.StartsWith(provider.Authority + "/authorize?", atProvider.ToString());

        using var providerBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var back = await providerBrowser.GetAsync(atProvider, Ct);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.StartsWith(browser.Origin + "/oauth/signin/callback?", callback.ToString());
        Assert.Equal(QueryHelpers.ParseQuery(atProvider.Query)["state"], QueryHelpers.ParseQuery(callback.Query)["state"]);
        return await browser.Http.GetAsync(callback, Ct);
    }

    private static async Task AssertSignedOutAsync(OAuthBrowser browser)
    {
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), c => c.Name == PageProtection.SessionCookie && !c.Expired && c.Value.Length > 0);
        using var connections = await browser.Http.GetAsync("/oauth/connections", Ct);
        Assert.Equal(HttpStatusCode.SeeOther, connections.StatusCode);
        Assert.StartsWith("/oauth/signin?", connections.Headers.Location!.ToString());
    }
}
