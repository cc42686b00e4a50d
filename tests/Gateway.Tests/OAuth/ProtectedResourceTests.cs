using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelContextProtocol;
using Serverless.Gateway.Callers;
using Serverless.Gateway.OAuth;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Gateway.Tests.Managed;

namespace Serverless.Gateway.Tests.OAuth;

/// <summary>The gateway as an OAuth protected resource: its challenge, its metadata, and which tokens it accepts.</summary>
public sealed class ProtectedResourceTests
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

    [Fact]
    public async Task Without_a_token_the_401_points_at_the_resource_metadata_which_names_the_mcp_url_and_the_issuer()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, OAuthHost.Settings());
        var ct = TestContext.Current.CancellationToken;
        using var http = new HttpClient();

        using var response = await http.SendAsync(InitializeRequest(host, bearer: null), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Equal($"Bearer resource_metadata=\"{origin}/.well-known/oauth-protected-resource/mcp\"", challenge);

        foreach (var path in new[] { "/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource" })
        {
            using var metadata = await http.GetAsync(new Uri(host.BaseAddress, path), ct);
            Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
            Assert.Equal("application/json", metadata.Content.Headers.ContentType?.MediaType);
            using var document = JsonDocument.Parse(await metadata.Content.ReadAsStringAsync(ct));
            Assert.Equal(origin + "/mcp", document.RootElement.GetProperty("resource").GetString());
            Assert.Equal([origin], document.RootElement.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["header"], document.RootElement.GetProperty("bearer_methods_supported").EnumerateArray().Select(e => e.GetString()));
        }

        using var other = await http.GetAsync(new Uri(host.BaseAddress, "/.well-known/oauth-protected-resource/elsewhere"), ct);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_configured_issuer_names_the_resource_whatever_host_the_request_used()
    {
        var settings = OAuthHost.Settings();
        settings["OAuth:Issuer"] = "https://gateway.example.com/";
        await using var host = await ManagedHost.StartAsync(new UpstreamRecorder(), settings);
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        using var response = await http.SendAsync(InitializeRequest(host, bearer: null), ct);
        using var metadata = JsonDocument.Parse(await http.GetStringAsync(new Uri(host.BaseAddress, "/.well-known/oauth-protected-resource/mcp"), ct));

        Assert.Equal("Bearer resource_metadata=\"https://gateway.example.com/.well-known/oauth-protected-resource/mcp\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("https://gateway.example.com/mcp", metadata.RootElement.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Without_oauth_the_metadata_is_absent_and_the_challenge_names_no_metadata()
    {
        await using var host = await ManagedHost.StartAsync(new UpstreamRecorder(), ManagedHost.Settings());
        using var http = new HttpClient();
        var ct = TestContext.Current.CancellationToken;

        using var metadata = await http.GetAsync(new Uri(host.BaseAddress, "/.well-known/oauth-protected-resource/mcp"), ct);
        using var response = await http.SendAsync(InitializeRequest(host, bearer: null), ct);

        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("resource_metadata", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_this_resource_acts_within_its_grant_through_the_same_check_as_client_keys()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, OAuthHost.Settings());
        var ct = TestContext.Current.CancellationToken;
        await using var client = await host.ConnectAsClientAsync(await host.TokenAsync(OAuthHost.NumberTwoReadChiliPiper));

        var listed = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToHashSet();
        var conversations = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: ct);
        var users = await client.CallToolAsync("user-find", new Dictionary<string, object?> { ["query"] = "bob" }, cancellationToken: ct);
        recorder.Clear();
        var foreign = await client.CallToolAsync("numbers_get", new Dictionary<string, object?> { ["id"] = SandboxSeedIds.Number1 }, cancellationToken: ct);

        Assert.Contains("conversations_list", listed);
        Assert.Contains("user-find", listed);
        Assert.DoesNotContain("meeting-cancel", listed);
        Assert.DoesNotContain("branding_get", listed);
        Assert.True(conversations.IsError is not true, ManagedHost.Text(conversations));
        Assert.True(users.IsError is not true, ManagedHost.Text(users));
        Assert.Equal("GRANT_REFUSED", ManagedHost.ErrorCode(foreign));
        Assert.Contains("client-1/user-1", ManagedHost.Text(foreign), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    public static TheoryData<string> Refusals => ["another audience", "another issuer", "expired", "another signing key", "no grant claims", "tampered"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_token_not_valid_for_this_resource_gets_401_invalid_token_and_no_upstream_call(string why)
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, OAuthHost.Settings());
        var ct = TestContext.Current.CancellationToken;
        var origin = host.BaseAddress.GetLeftPart(UriPartial.Authority);
        var grant = OAuthHost.NumberTwoReadChiliPiper;
        var token = why switch
        {
            "another audience" => await new AccessTokens(Keys(host), TimeProvider.System).IssueAsync(origin, "https://other.example.com/mcp", "user-1", "client-1", grant, TimeSpan.FromMinutes(5)),
            "another issuer" => await host.TokenAsync(grant, new ResourceUrls("https://elsewhere.example.com")),
            "expired" => await host.TokenAsync(grant, time: new ManualTime(DateTimeOffset.UtcNow.AddHours(-2)), lifetime: TimeSpan.FromMinutes(60)),
            "another signing key" => await new AccessTokens(SigningKeyProvider.Of(SigningKeys.FromJson(FreshKeysJson())), TimeProvider.System).IssueAsync(host.Urls(), "user-1", "client-1", grant, TimeSpan.FromMinutes(5)),
            "no grant claims" => await WithoutGrantAsync(host),
            "tampered" => Tamper(await host.TokenAsync(grant)),
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        };
        using var http = new HttpClient();

        using var response = await http.SendAsync(InitializeRequest(host, token), ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"Bearer resource_metadata=\"{origin}/.well-known/oauth-protected-resource/mcp\", error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_client_key_still_works_beside_oauth()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, OAuthHost.Settings());
        await using var client = await host.ConnectAsClientAsync(ManagedHost.Number2Key);

        var result = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.IsError is not true, ManagedHost.Text(result));
    }

    [Fact]
    public async Task Oauth_in_pass_through_mode_refuses_to_start()
    {
        var settings = OAuthHost.Settings();
        settings["Credentials:Mode"] = "PassThrough";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayHost.StartAsync(settings));

        Assert.Contains("Credentials:Mode=Managed", error.ToString(), StringComparison.Ordinal);
    }

    private static SigningKeyProvider Keys(GatewayHost host) =>
        (SigningKeyProvider)host.Services.GetService(typeof(SigningKeyProvider))!;

    private static string FreshKeysJson()
    {
        var path = Path.Combine(Path.GetTempPath(), "oauth-test-" + Guid.NewGuid().ToString("N"), "keys.json");
        return SigningKeys.LoadOrCreate(path).ToJson();
    }

    /// <summary>A correctly signed token whose claims name no grant.</summary>
    private static async Task<string> WithoutGrantAsync(GatewayHost host)
    {
        var signing = (await Keys(host).GetAsync()).Current;
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var urls = host.Urls();
        return handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = urls.Issuer,
            Audience = urls.Resource,
            Expires = DateTime.UtcNow.AddMinutes(5),
            TokenType = AccessTokens.TokenType,
            Claims = new Dictionary<string, object> { ["sub"] = "user-1", ["client_id"] = "client-1" },
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(signing, "RS256"),
        });
    }

    /// <summary>The same token with its payload widened to every number; the signature no longer matches.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        payload = payload.Replace($"\"{SandboxSeedIds.Number2}\"", "\"*\"", StringComparison.Ordinal);
        Assert.Contains("\"*\"", payload, StringComparison.Ordinal);
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private static HttpRequestMessage InitializeRequest(GatewayHost host, string? bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, host.Mcp()) { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return request;
    }
}
