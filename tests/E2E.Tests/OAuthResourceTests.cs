using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.E2E.Tests.Infrastructure;

namespace Serverless.E2E.Tests;

/// <summary>
/// The real self-host as an OAuth protected resource: a client without headers is pointed at the metadata, and a
/// token made to the documented format with the configured signing key acts within the grant its claims carry.
/// </summary>
public sealed class OAuthResourceTests
{
    [Fact]
    public async Task The_self_host_challenges_with_its_metadata_and_accepts_a_token_signed_with_its_key_within_the_grant()
    {
        var ct = TestContext.Current.CancellationToken;
        using var rsa = RSA.Create(2048);
        var environment = new Dictionary<string, string?>
        {
            ["Credentials__Mode"] = "Managed",
            ["OAuth__Enabled"] = "true",
            ["Secrets__oauth-signing-keys"] = rsa.ExportPkcs8PrivateKeyPem(),
            ["Secrets__pilotstatus-tenant-key"] = "ps_sandbox_tenant",
            ["Secrets__chilipiper-api-key"] = "cp_sandbox_admin",
        };
        await using var server = await ServerProcess.StartAsync(["serve", "--sandbox"], environment);
        var origin = server.McpUrl.GetLeftPart(UriPartial.Authority);
        using var http = new HttpClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, server.McpUrl)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var challenge = await http.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        Assert.Equal($"Bearer resource_metadata=\"{origin}/.well-known/oauth-protected-resource/mcp\"", challenge.Headers.WwwAuthenticate.ToString());

        using var metadata = JsonDocument.Parse(await http.GetStringAsync($"{origin}/.well-known/oauth-protected-resource/mcp", ct));
        Assert.Equal(origin + "/mcp", metadata.RootElement.GetProperty("resource").GetString());

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = origin,
            Audience = origin + "/mcp",
            Expires = DateTime.UtcNow.AddMinutes(5),
            TokenType = "at+jwt",
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "e2e-user",
                ["client_id"] = "e2e-client",
                ["ps_numbers"] = "num_sandbox_2",
                ["cp_access"] = "read",
                ["read_only"] = false,
            },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256),
        });
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        }), cancellationToken: ct);

        var tools = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).ToHashSet();
        Assert.Contains("conversations_list", tools);
        Assert.DoesNotContain("api_keys_list", tools);
        Assert.DoesNotContain("user-invite", tools);
        var conversations = await client.CallToolAsync("conversations_list", new Dictionary<string, object?>(), cancellationToken: ct);
        Assert.True(conversations.IsError is not true, string.Join("\n", conversations.Content.OfType<TextContentBlock>().Select(t => t.Text)));
        Assert.DoesNotContain("PRIVATE KEY", server.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(token, server.StandardError, StringComparison.Ordinal);
    }
}
