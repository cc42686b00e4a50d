using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Gateway.OAuth.Server;
using Serverless.Gateway.Tests.Managed;

namespace Serverless.Gateway.Tests.OAuth.Server;

/// <summary>Client ID Metadata Documents: a client named by its document URL, and the guards on fetching it.</summary>
public sealed class ClientMetadataDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A loopback web server answering one document (or anything else the test wants) at /client.json.</summary>
    private static async Task<(WebApplication App, string Url)> DocumentServerAsync(Func<string, IResult> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        string? url = null;
        app.MapGet("/client.json", () => answer(url!));
        app.MapGet("/moved", () => Results.Redirect("http://127.0.0.1:1/client.json"));
        await app.StartAsync(Ct);
        var origin = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        url = origin + "/client.json";
        return (app, origin);
    }

    [Fact]
    public async Task A_document_client_id_signs_in_and_gets_tokens_without_registering()
    {
        var (documents, origin) = await DocumentServerAsync(url => Results.Json(new
        {
            client_id = url,
            client_name = "Document client",
            redirect_uris = new[] { OAuthBrowser.RedirectUri },
            token_endpoint_auth_method = "none",
        }));
        await using var _ = documents;
        var settings = OAuthServerHost.Settings();
        settings["OAuth:ClientMetadata:AllowPrivateAddresses"] = "true";
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder(), settings);
        using var browser = new OAuthBrowser(host);
        var clientId = origin + "/client.json";
        var (verifier, challenge) = OAuthBrowser.Pkce();

        var form = await browser.ConsentFormAsync(browser.AuthorizeUrl(clientId, challenge));
        var page = await browser.GetPageAsync("/oauth/consent?" + string.Join("&", form.Where(f => f.Key != "__af").Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value))));
        Assert.Contains("Document client", page);
        using var approval = await browser.PostConsentAsync(form, ("pilotstatus", "all"), ("chilipiper", "none"), ("decision", "approve"));
        var (status, tokens) = await browser.RedeemAsync(clientId, OAuthBrowser.CodeFrom(approval), verifier);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task Without_the_setting_a_document_on_a_loopback_address_is_refused_and_no_sign_in_starts()
    {
        var (documents, origin) = await DocumentServerAsync(url => Results.Json(new { client_id = url, redirect_uris = new[] { OAuthBrowser.RedirectUri } }));
        await using var _ = documents;
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder());
        using var browser = new OAuthBrowser(host);

        // An https URL on a loopback address: the address rule refuses it before any byte is sent.
        using var response = await browser.Http.GetAsync(browser.AuthorizeUrl("https://127.0.0.1:" + new Uri(origin).Port + "/client.json", OAuthBrowser.Pkce().Challenge), Ct);

        // OpenIddict's error page for an unusable client: 401 invalid_client, never a redirect.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_document_for_another_client_id_is_refused()
    {
        var (documents, origin) = await DocumentServerAsync(_ => Results.Json(new { client_id = "https://someone-else.example/client.json", redirect_uris = new[] { OAuthBrowser.RedirectUri } }));
        await using var _ = documents;
        var settings = OAuthServerHost.Settings();
        settings["OAuth:ClientMetadata:AllowPrivateAddresses"] = "true";
        await using var host = await OAuthServerHost.StartAsync(new UpstreamRecorder(), settings);
        using var browser = new OAuthBrowser(host);

        using var response = await browser.Http.GetAsync(browser.AuthorizeUrl(origin + "/client.json", OAuthBrowser.Pkce().Challenge), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_client", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::1111", true)]
    public void Only_public_addresses_are_fetched(string address, bool isPublic) =>
        Assert.Equal(isPublic, ClientMetadataDocuments.IsPublic(IPAddress.Parse(address)));
}
