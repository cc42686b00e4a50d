using Serverless.Sandbox;

namespace Serverless.Server;

/// <summary>What a person starting the server needs to connect a client.</summary>
internal static class Banner
{
    public static string For(string mcpUrl, bool sandbox, bool singleUser)
    {
        var lines = new List<string>
        {
            $"MCP endpoint: {mcpUrl}",
        };
        if (sandbox)
        {
            lines.Add("Upstreams: offline sandbox twin (no real messages are sent, no real meetings are booked).");
            lines.Add(singleUser
                ? $"Single-user: requests without headers act as {SandboxCredentials.PilotStatusNumberKey1} and {SandboxCredentials.ChiliPiperAdminToken}."
                : "Pass-through: every request must carry its own credentials.");
            lines.Add("Demo credentials:");
            lines.Add($"  Pilot Status  x-api-key: {SandboxCredentials.PilotStatusTenantKey} (tenant), {SandboxCredentials.PilotStatusNumberKey1} or {SandboxCredentials.PilotStatusNumberKey2} (numbers)");
            lines.Add($"  Chili Piper   Authorization: Bearer {SandboxCredentials.ChiliPiperAdminToken} (all permissions) or Bearer {SandboxCredentials.ChiliPiperReadOnlyToken} (read only)");
        }

        lines.Add("Client configuration (HTTP clients such as VS Code, Cursor):");
        lines.Add($$"""  { "mcpServers": { "gateway": { "type": "http", "url": "{{mcpUrl}}" } } }""");
        lines.Add("Client configuration (stdio-only clients such as Claude Desktop, through mcp-remote):");
        lines.Add($$"""  { "mcpServers": { "gateway": { "command": "npx", "args": ["-y", "mcp-remote", "{{mcpUrl}}"] } } }""");
        return string.Join(Environment.NewLine, lines);
    }
}
