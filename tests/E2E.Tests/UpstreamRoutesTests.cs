using System.Text.Json;
using System.Text.RegularExpressions;
using ModelContextProtocol.Client;
using Serverless.E2E.Tests.Infrastructure;
using Serverless.Gateway.Tests.ToolTable;

namespace Serverless.E2E.Tests;

/// <summary>
/// The real server pointed at another HTTP server with <c>PilotStatus__BaseUrl</c>: every Pilot Status tool sends
/// the method and path the vendor documents, with the caller's <c>x-api-key</c>. The expected routes are written
/// out here from the vendor's reference, independently of the client code; the arguments are the table rows.
/// </summary>
public sealed class UpstreamRoutesTests
{
    private const string Key = "ps_routes_key";

    /// <summary>Tool → "METHOD /path" with <c>*</c> for one path segment (an id).</summary>
    public static TheoryData<string, string> PilotStatusRoutes => new()
    {
        { "messages_send", "POST /v1/messages/send" },
        { "message_get", "GET /v1/messages/*" },
        { "messages_cancel", "DELETE /v1/messages/cancel" },
        { "messages_group", "GET /v1/messages/group" },
        { "messages_unread", "GET /v1/messages/unread" },
        { "conversations_list", "GET /v1/conversations" },
        { "webhooks_list", "GET /v1/webhooks" },
        { "webhook_get", "GET /v1/webhooks/*" },
        { "webhooks_create", "POST /v1/webhooks" },
        { "webhooks_update", "PATCH /v1/webhooks/*" },
        { "webhooks_delete", "DELETE /v1/webhooks/*" },
        { "webhook_events", "GET /v1/webhooks/*/logs" },
        { "groups_list", "GET /v1/groups" },
        { "groups_create", "POST /v1/groups" },
        { "group_info", "GET /v1/groups/*" },
        { "group_participants_add", "POST /v1/groups/*/participants" },
        { "group_participants_remove", "DELETE /v1/groups/*/participants" },
        { "group_participants_promote", "POST /v1/groups/*/participants/promote" },
        { "group_participants_demote", "POST /v1/groups/*/participants/demote" },
        { "group_invite", "GET /v1/groups/*/invite" },
        { "group_pin", "POST /v1/groups/*/pin" },
        { "newsletters_list", "GET /v1/newsletters" },
        { "numbers_list", "GET /v1/numbers" },
        { "numbers_get", "GET /v1/numbers/*" },
        { "numbers_create", "POST /v1/numbers" },
        { "numbers_status", "GET /v1/numbers/*/status" },
        { "numbers_connect", "GET /v1/numbers/*/connect" },
        { "numbers_delete", "DELETE /v1/numbers/*" },
        { "numbers_remote_pairing", "POST /v1/numbers/remote-pairing" },
        { "numbers_check", "POST /v1/numbers/check" },
        { "templates_list", "GET /v1/templates" },
        { "templates_get", "GET /v1/templates/*" },
        { "templates_create", "POST /v1/templates" },
        { "templates_update", "PUT /v1/templates/*" },
        { "templates_delete", "DELETE /v1/templates/*" },
        { "call_initiate", "POST /v1/calls" },
        { "calls_list", "GET /v1/calls" },
        { "call_get", "GET /v1/calls/*" },
        { "call_accept", "POST /v1/calls/*/accept" },
        { "call_reject", "POST /v1/calls/*/reject" },
        { "call_terminate", "POST /v1/calls/*/terminate" },
        { "call_settings_get", "GET /v1/calls/settings" },
        { "call_settings_update", "PUT /v1/calls/settings" },
        { "call_permission_get", "GET /v1/calls/permissions" },
        { "call_permission_request", "POST /v1/calls/permissions/request" },
        { "api_keys_list", "GET /v1/api-keys" },
        { "api_keys_regenerate_number", "POST /v1/api-keys" },
        { "subscription_extra_numbers_get", "GET /v1/subscription/extra-numbers" },
        { "subscription_extra_numbers_add", "POST /v1/subscription/extra-numbers" },
        { "billing_checkout", "POST /v1/billing/checkout" },
        { "branding_get", "GET /v1/branding" },
        { "branding_upsert", "PUT /v1/branding" },
        { "analytics_dashboard", "GET /v1/analytics/dashboard" },
        { "media_get", "GET /v1/media/*" },
    };

    [Fact]
    public async Task Every_Pilot_Status_tool_sends_its_documented_route_with_the_key()
    {
        await using var upstream = await RecordingUpstream.StartAsync();
        await using var server = await ServerProcess.StartAsync(["serve"], new Dictionary<string, string?>
        {
            ["PilotStatus__BaseUrl"] = new Uri(upstream.BaseAddress, "ps").ToString(),
            ["PilotStatus__MaxReadRetries"] = "0",
        });
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["x-api-key"] = Key },
        }), cancellationToken: TestContext.Current.CancellationToken);

        var listed = (await client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var routes = PilotStatusRoutes.Select(r => r.Data).ToArray();
        Assert.Equal(routes.Select(r => r.Item1).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        var problems = new List<string>();
        foreach (var (tool, route) in routes)
        {
            var row = ToolCases.All.FirstOrDefault(r => r.Tool == tool && r.ExpectedError is null);
            if (row is null)
            {
                problems.Add($"{tool}: no valid row in ToolCases");
                continue;
            }

            // Ids produced by a setup step don't matter here: the recorder answers anything.
            var json = Regex.Replace(row.Arguments, @"\{prev:[^}]+\}", "id_from_setup");
            var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value);
            upstream.Requests.Clear();
            await client.CallToolAsync(tool, arguments, cancellationToken: TestContext.Current.CancellationToken);

            var sent = upstream.Requests.ToArray();
            var pattern = "^" + Regex.Escape(route).Replace(@"\*", "[^/?]+") + @"(\?.*)?$";
            var match = sent.FirstOrDefault(r => Regex.IsMatch($"{r.Method} {r.PathAndQuery.Replace("/ps/", "/", StringComparison.Ordinal)}", pattern));
            if (match == default)
            {
                problems.Add($"{tool}: expected {route}, sent [{string.Join(", ", sent.Select(r => $"{r.Method} {r.PathAndQuery}"))}]");
            }
            else if (!match.Headers.TryGetValue("x-api-key", out var key) || key != Key || match.Headers.ContainsKey("authorization"))
            {
                problems.Add($"{tool}: {route} without the caller's x-api-key (or with a Bearer header)");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
