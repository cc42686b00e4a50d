using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Tests.Infrastructure;
using Serverless.Sandbox;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>A gateway in managed mode over the sandbox twin, with a few configured clients and a recorder on its upstream calls.</summary>
public static class ManagedHost
{
    public const string AllKey = "mcpgw_test_all_numbers_full_chilipiper";
    public const string Number2Key = "mcpgw_test_number_two_read_chilipiper";

    /// <summary>Every vendor credential of the sandbox: none may appear in anything the gateway emits.</summary>
    public static readonly string[] VendorKeys =
    [
        SandboxCredentials.PilotStatusTenantKey,
        SandboxCredentials.PilotStatusNumberKey1,
        SandboxCredentials.PilotStatusNumberKey2,
        SandboxCredentials.ChiliPiperAdminToken,
        SandboxCredentials.ChiliPiperReadOnlyToken,
    ];

    /// <summary>Managed mode, the tenant and Chili Piper keys as configuration secrets, and clients "all" and "two".</summary>
    public static Dictionary<string, string?> Settings(bool withSecrets = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Credentials:Mode"] = "Managed",
            ["Clients:all:KeySha256"] = ClientKeys.Sha256Hex(AllKey),
            ["Clients:all:Numbers"] = "*",
            ["Clients:all:ChiliPiper"] = "full",
            ["Clients:two:KeySha256"] = ClientKeys.Sha256Hex(Number2Key),
            ["Clients:two:Numbers"] = SandboxSeedIds.Number2,
            ["Clients:two:ChiliPiper"] = "read",
        };
        if (withSecrets)
        {
            settings["Secrets:pilotstatus-tenant-key"] = SandboxCredentials.PilotStatusTenantKey;
            settings["Secrets:chilipiper-api-key"] = SandboxCredentials.ChiliPiperAdminToken;
        }

        return settings;
    }

    public static Task<GatewayHost> StartAsync(UpstreamRecorder recorder, Dictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        GatewayHost.StartAsync(settings, services: s =>
        {
            recorder.AddTo(s);
            services?.Invoke(s);
        });

    public static Task<McpClient> ConnectAsClientAsync(this GatewayHost host, string clientKey, string? number = null, string path = "/mcp")
    {
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + clientKey };
        if (number is not null)
        {
            headers["x-whatsapp-number-id"] = number;
        }

        return host.ConnectAsync(path, headers);
    }

    public static string Text(CallToolResult result) => string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public static string? ErrorCode(CallToolResult result) =>
        result.IsError == true && result.StructuredContent is { } content && content.TryGetProperty("error", out var error)
            ? error.GetProperty("code").GetString()
            : null;

    public static void AssertNoVendorKey(string text, string where)
    {
        foreach (var key in VendorKeys)
        {
            Assert.False(text.Contains(key, StringComparison.Ordinal), $"a vendor key appeared in {where}");
        }
    }
}

/// <summary>The sandbox's seeded number ids.</summary>
public static class SandboxSeedIds
{
    public const string Number1 = Serverless.Sandbox.PilotStatus.PilotStatusSeed.NumberId1;
    public const string Number2 = Serverless.Sandbox.PilotStatus.PilotStatusSeed.NumberId2;
}
