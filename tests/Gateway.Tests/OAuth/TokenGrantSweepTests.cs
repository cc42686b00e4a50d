using ModelContextProtocol;
using Serverless.Gateway.Tests.Managed;
using Serverless.Tools.Catalog;

namespace Serverless.Gateway.Tests.OAuth;

/// <summary>
/// All 108 tools against a token granted one number and read-only Chili Piper: nothing outside the grant is listed,
/// and no call outside it (another tool, or another number) reaches an upstream.
/// </summary>
public sealed class TokenGrantSweepTests
{
    private static readonly ToolCatalog Catalog = ToolCatalog.CreateDefault();

    [Fact]
    public async Task A_token_for_one_number_and_read_only_chili_piper_makes_no_call_outside_its_grant()
    {
        var recorder = new UpstreamRecorder();
        await using var host = await ManagedHost.StartAsync(recorder, OAuthHost.Settings());
        var ct = TestContext.Current.CancellationToken;
        await using var client = await host.ConnectAsClientAsync(await host.TokenAsync(OAuthHost.NumberTwoReadChiliPiper), SandboxSeedIds.Number1);

        bool Outside(ToolEntry t) => t.Upstream == Upstream.ChiliPiper ? !t.ReadOnly : t.KeyScope == KeyScope.Tenant;
        var listed = (await client.ListToolsAsync(cancellationToken: ct)).Select(t => t.Name).Order().ToArray();
        Assert.Equal(108, Catalog.Entries.Count);
        Assert.Equal(Catalog.Entries.Where(t => !Outside(t)).Select(t => t.Name).Order(), listed);

        var outside = Catalog.Entries.Where(Outside).ToArray();
        var numberTools = Catalog.Entries.Where(t => t.Upstream == Upstream.PilotStatus && t.KeyScope != KeyScope.Tenant).ToArray();
        Assert.Equal(108, outside.Length + numberTools.Length + Catalog.Entries.Count(t => t.Upstream == Upstream.ChiliPiper && t.ReadOnly));

        // Tools the grant excludes, and every number tool acting on the number the grant does not cover (named by the header).
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
            // A tool the grant leaves out answers NOT_GRANTED; a number outside the grant, GRANT_REFUSED.
            return result.IsError == true && ManagedHost.ErrorCode(result) is "GRANT_REFUSED" or "NOT_GRANTED";
        }
        catch (McpException)
        {
            return true;
        }
    }
}
