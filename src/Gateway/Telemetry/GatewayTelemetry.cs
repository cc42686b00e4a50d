using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.Http;
using OpenTelemetry.Logs;
using OpenTelemetry.Trace;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Telemetry;

/// <summary>
/// OpenTelemetry for every host: the MCP SDK's spans, one client span per upstream request (redacted URL,
/// correlation id) and logs, the tool-call audit among them. Nothing is registered unless something
/// exports: without an exporter no listener exists, so spans are never even created.
/// </summary>
public static class GatewayTelemetry
{
    /// <summary>Turns on the Azure Monitor exporter (traces and logs) when set.</summary>
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>The ActivitySource of the official MCP SDK (client and server spans).</summary>
    public const string McpSdkSource = "Experimental.ModelContextProtocol";

    /// <summary>Span attribute carrying the X-Correlation-Id sent upstream, the key an operator searches logs by.</summary>
    public const string CorrelationIdAttribute = "gateway.correlation_id";

    /// <summary>Span attribute naming the upstream a client span went to.</summary>
    public const string UpstreamAttribute = "gateway.upstream";

    /// <param name="exporters">
    /// Further exporters (a test's in-memory one); telemetry is on when this is given or the Azure Monitor
    /// connection string is set.
    /// </param>
    /// <returns>The builder for host-specific additions (the function worker's defaults), or null when telemetry is off.</returns>
    public static OpenTelemetryBuilder? AddGatewayTelemetry(this IServiceCollection services, IConfiguration configuration, Action<OpenTelemetryBuilder>? exporters = null)
    {
        var connectionString = configuration[ConnectionStringKey];
        var azureMonitor = !string.IsNullOrWhiteSpace(connectionString);
        if (!azureMonitor && exporters is null)
        {
            return null;
        }

        services.TryAddUpstreamUrlRedactor();
        services.AddOptions<HttpClientTraceInstrumentationOptions>()
            .Configure<UpstreamUrlRedactor>((options, redactor) =>
            {
                // Only the gateway's own upstream requests (they carry the correlation header): other HTTP
                // traffic of the process (SDK clients, tests) is not the gateway's to report.
                options.FilterHttpRequestMessage = request => request.Headers.Contains(UpstreamClient.CorrelationHeader);
                options.EnrichWithHttpRequestMessage = (activity, request) => redactor.Enrich(activity, request);
                options.RecordException = false;
            });

        var builder = services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                // The scrubber first: processors see a span in the order they were added, exporters included.
                tracing.AddProcessor(new SpanStatusScrubber()).AddSource(McpSdkSource).AddHttpClientInstrumentation();
                if (azureMonitor)
                {
                    tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = connectionString);
                }
            })
            .WithLogging(logging =>
            {
                if (azureMonitor)
                {
                    logging.AddAzureMonitorLogExporter(o => o.ConnectionString = connectionString);
                }
            }, options =>
            {
                options.IncludeFormattedMessage = true;
                options.IncludeScopes = false;
            });
        exporters?.Invoke(builder);
        return builder;
    }

    private static void TryAddUpstreamUrlRedactor(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(UpstreamUrlRedactor)))
        {
            services.AddSingleton(sp => new UpstreamUrlRedactor(sp.GetRequiredService<IOptionsMonitor<UpstreamOptions>>()));
        }
    }
}
