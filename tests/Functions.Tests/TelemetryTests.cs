using System.Diagnostics;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Serverless.Functions.Tests.Infrastructure;
using Serverless.Gateway.Telemetry;
using Serverless.Sandbox;

namespace Serverless.Functions.Tests;

/// <summary>Spans and logs through the in-memory exporter: present where they should be, and free of secrets and argument values.</summary>
public sealed class TelemetryTests
{
    private const string PathArgument = "argval-msg-5f3a9c";
    private const string QueryArgument = "argval-ws-77b1e2";
    private const string InvalidArgument = "argval-phone-bad";
    private const string WrongToken = "cpcred-distinct-0c9e41";

    [Fact]
    public async Task Spans_carry_the_mcp_and_upstream_calls_but_no_credential_or_argument_value()
    {
        var ct = TestContext.Current.CancellationToken;
        var spans = new List<Activity>();
        var logs = new List<LogRecord>();
        await using (var host = await FunctionsHost.StartAsync(exporters: otel => otel
            .WithTracing(t => t.AddInMemoryExporter(spans))
            .WithLogging(l => l.AddInMemoryExporter(logs))))
        {
            await using (var client = await host.ConnectAsync("/mcp", Raw.BothCredentials))
            {
                await client.CallToolAsync("message_get", new Dictionary<string, object?> { ["messageId"] = PathArgument }, cancellationToken: ct);
                await client.CallToolAsync("concierge-list-routers", new Dictionary<string, object?> { ["workspaceId"] = QueryArgument }, cancellationToken: ct);
                var invalid = await client.CallToolAsync("messages_send", new Dictionary<string, object?> { ["to"] = InvalidArgument, ["text"] = "hello" }, cancellationToken: ct);
                Assert.True(invalid.IsError);
            }

            await using (var wrong = await host.ConnectAsync("/mcp/x/organization", new() { ["Authorization"] = "Bearer " + WrongToken }))
            {
                var refused = await wrong.CallToolAsync("health-ping", cancellationToken: ct);
                Assert.True(refused.IsError);
            }
        }

        // Present: the SDK's server spans and one client span per upstream request, redacted and correlated.
        Assert.Contains(spans, s => s.Source.Name == GatewayTelemetry.McpSdkSource && s.Kind == ActivityKind.Server);
        var upstream = spans.Where(s => s.GetTagItem(GatewayTelemetry.CorrelationIdAttribute) is not null).ToList();
        Assert.Contains(upstream, s => (s.GetTagItem("url.full") as string)?.EndsWith("/v1/messages/*", StringComparison.Ordinal) == true
            && (string?)s.GetTagItem(GatewayTelemetry.UpstreamAttribute) == "PilotStatus");
        Assert.Contains(upstream, s => (s.GetTagItem("url.full") as string)?.Contains("workspaceId=*", StringComparison.Ordinal) == true);
        Assert.Contains(upstream, s => (s.GetTagItem("http.response.status_code") as int?) == 401);
        Assert.All(upstream, s => Assert.Matches("^[0-9a-f]{32}$", (string)s.GetTagItem(GatewayTelemetry.CorrelationIdAttribute)!));

        // Absent: every credential and argument value, anywhere in any span.
        string[] secrets = [PathArgument, QueryArgument, InvalidArgument, WrongToken, SandboxCredentials.PilotStatusNumberKey1, SandboxCredentials.ChiliPiperAdminToken];
        foreach (var span in spans)
        {
            var text = Describe(span);
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' appears in span {span.Source.Name} {span.DisplayName}: {text}");
            }
        }

        // The tool-call audit arrives as structured log records.
        Assert.Contains(logs, l => l.Attributes?.Any(a => a.Key == "Tool" && (a.Value as string) == "message_get") == true
            && l.Attributes.Any(a => a.Key == "Outcome"));
    }

    [Fact]
    public async Task Without_an_exporter_nothing_listens_to_the_sdk_source()
    {
        await using var host = await FunctionsHost.StartAsync();
        using var source = new ActivitySource(GatewayTelemetry.McpSdkSource);
        Assert.False(source.HasListeners());
    }

    private static string Describe(Activity span) => string.Join('\n',
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}").Prepend(e.Name)))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}")));
}
