namespace Serverless.Tools.ChiliPiper;

/// <summary>The Chili Piper organization: liveness and tenant facts.</summary>
[McpServerToolType]
[Toolset(Toolsets.Organization)]
public sealed class OrganizationTools(OrganizationClient client)
{
    [McpServerTool(Name = "health-ping", Title = "Check the Chili Piper connection", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Check that Chili Piper is reachable and the API token is accepted. Returns ok; a 401 means the token is missing or revoked.")]
    public Task<CallToolResult> Ping(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () => ToolResults.Success((await client.PingAsync(cancellationToken)).Body));

    [McpServerTool(Name = "tenant-get", Title = "Get the tenant", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Read the tenant behind the API token: its type (Organization or Personal), tenantId, cluster, subdomain (needed to build public router URLs) and domains.")]
    public Task<CallToolResult> GetTenant(CancellationToken cancellationToken = default) =>
        ToolResults.RunAsync(async () => ToolResults.Success((await client.GetTenantAsync(cancellationToken)).Body));
}
