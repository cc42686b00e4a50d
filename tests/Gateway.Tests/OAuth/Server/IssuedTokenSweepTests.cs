using ModelContextProtocol;
using Serverless.Gateway.Tests.Managed;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Tests.OAuth.Server;

/// <summary>
/// All 108 tools against a token the authorization server issued after a consent to one number and read-only Chili
/// Piper: only the tools of that grant are listed, and nothing outside it (another tool, or the other number) reaches
/// an upstream.
/// </summary>
public sealed class IssuedTokenSweepTests
{
    private static readonly ToolCatalog Catalog = ToolCatalog.CreateDefault();

    [Fact]
    public async Task A_consented_token_for_one_number_and_read_only_chili_piper_makes_no_call_outside_its_grant()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await OAuthServerHost.StartAsync(recorder);
        using var browser = new OAuthBrowser(host);
        var (_, tokens) = await browser.ConnectAsync();
        var ct = TestContext.Current.CancellationToken;
        await using var client = await host.ConnectAsClientAsync(tokens.GetProperty("access_token").GetString()!, SandboxSeedIds.Number1);

        bool Outside(ToolEntry t) => t.Upstream == Upstream.ChiliPiper ? !t.ReadOnly : t.KeyScope == KeyScope.Tenant;
        var listed = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).Order().ToArray();
        Assert.Equal(108, Catalog.Entries.Count);
        Assert.Equal(Catalog.Entries.Where(t => !Outside(t)).Select(t => t.Name).Order(), listed);

        var outside = Catalog.Entries.Where(Outside).ToArray();
        var numberTools = Catalog.Entries.Where(t => t.Upstream == Upstream.PilotStatus && t.KeyScope != KeyScope.Tenant).ToArray();
        Assert.Equal(108, outside.Length + numberTools.Length + Catalog.Entries.Count(t => t.Upstream == Upstream.ChiliPiper && t.ReadOnly));

        recorder.Clear();
        foreach (var tool in outside.Concat(numberTools))
        {
            Assert.True(await RefusedAsync(client, tool.Name, ct), $"{tool.Name} succeeded outside the token's grant");
        }

        Assert.Empty(recorder.Requests);
    }

    private static async Task<bool> RefusedAsync(ModelContextProtocol.Client.McpClient client, string tool, CancellationToken ct)
    {
        try
        {
            var result = await client.CallToolAsync(tool, new Dictionary<string, object?>(), cancellationToken: ct);
            return result.IsError == true && ManagedHost.ErrorCode(result) is "GRANT_REFUSED" or "NOT_GRANTED";
        }
        catch (McpException)
        {
            return true;
        }
    }
}
