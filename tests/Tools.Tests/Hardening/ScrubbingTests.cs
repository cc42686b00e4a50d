using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Tools.Errors;
using Serverless.Tools.Tests.Infrastructure;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.Tests.Hardening;

/// <summary>The scrubber's reach: log lines of every provider, server-held keys from configuration, echoed credential shapes.</summary>
public sealed class ScrubbingTests
{
    [Fact]
    public void Log_lines_lose_known_secrets_and_the_current_callers_credentials()
    {
        var lines = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(new LineProvider(lines)));
        services.AddGatewayTools(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["PilotStatus:ApiKey"] = "ps_server_held_key_42" }).Build());
        using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<UpstreamOptions>>().Get(UpstreamOptions.PilotStatusSection);
        provider.GetRequiredService<KnownSecrets>().Remember("managed-secret-value-7");
        CredentialScrubber.UseCaller(new CallerCredentials { ChiliPiperToken = "caller-token-value-9" });
        var logger = provider.GetRequiredService<ILogger<ScrubbingTests>>();

        logger.LogWarning("keys {Server} {Managed} {Caller}", "ps_server_held_key_42", "managed-secret-value-7", "caller-token-value-9");
        logger.LogError(new InvalidOperationException("failed with managed-secret-value-7"), "plain line");
        logger.LogInformation("nothing secret here");

        var all = string.Join('\n', lines);
        Assert.DoesNotContain("ps_server_held_key_42", all, StringComparison.Ordinal);
        Assert.DoesNotContain("managed-secret-value-7", all, StringComparison.Ordinal);
        Assert.DoesNotContain("caller-token-value-9", all, StringComparison.Ordinal);
        Assert.Contains("keys [redacted] [redacted] [redacted]", all, StringComparison.Ordinal);
        Assert.Contains("nothing secret here", all, StringComparison.Ordinal);
        Assert.Equal(3, lines.Count);
    }

    [Theory]
    [InlineData("factory")]
    [InlineData("instance")]
    public void Log_lines_are_scrubbed_whichever_way_the_host_registered_its_logger_factory(string registration)
    {
        var lines = new ConcurrentQueue<string>();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(new LineProvider(lines)));
        // Some hosts register the factory by a delegate or as a ready instance rather than by its type.
        var byType = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(byType);
        if (registration == "factory")
        {
            services.AddSingleton<ILoggerFactory>(sp => new LoggerFactory(sp.GetServices<ILoggerProvider>()));
        }
        else
        {
            services.AddSingleton<ILoggerFactory>(new LoggerFactory([new LineProvider(lines)]));
        }

        services.AddGatewayTools(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<KnownSecrets>().Remember("managed-secret-value-8");

        provider.GetRequiredService<ILoggerFactory>().CreateLogger("host").LogWarning("secret {Value}", "managed-secret-value-8");

        var line = Assert.Single(lines);
        Assert.DoesNotContain("managed-secret-value-8", line, StringComparison.Ordinal);
        Assert.Contains("secret [redacted]", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"headers":{"Authorization":"Bearer cp_fake_abcdef123"}}""", "cp_fake_abcdef123")]
    [InlineData("x-api-key: ps_fake_0123456789 sent", "ps_fake_0123456789")]
    [InlineData("""{"x-api-key":"k3y-v4lue-secret"}""", "k3y-v4lue-secret")]
    [InlineData("key=ps_abcdef0123", "ps_abcdef0123")]
    public void Echoed_credential_shapes_are_redacted(string text, string secret)
    {
        var redacted = CredentialShapes.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(CredentialScrubber.Redacted, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_error_echoing_the_request_headers_carries_no_credential()
    {
        await using var h = await ToolHarness.StartAsync(new CallerCredentials { ChiliPiperToken = "cp_unknown_shape_token" });
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/tenant/get", 500,
            """{"errorCode":"Internal","errorMessage":"upstream saw Authorization: Bearer cp_unknown_shape_token"}""");
        h.Upstream.On("GET /api/fire-edge/v1/org/health/ping", _ => new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<pre>Authorization: Bearer cp_unknown_shape_token</pre>", System.Text.Encoding.UTF8, "text/html"),
        });

        var json = await h.CallAsync("tenant-get");
        var html = await h.CallAsync("health-ping");

        Assert.DoesNotContain("cp_unknown_shape_token", ResultAssert.Text(json), StringComparison.Ordinal);
        Assert.Contains("Bearer [redacted]", ResultAssert.Error(json).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("HTTP 502.", ResultAssert.Error(html).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_dot_segment_id_is_refused_naming_the_argument()
    {
        await using var h = await ToolHarness.StartAsync();

        foreach (var id in new[] { ".", "..", new string('a', UpstreamCall.MaxSegmentLength + 1) })
        {
            var error = ResultAssert.Error(await h.CallAsync("webhooks_delete", new { id }));
            Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
            Assert.Equal("id", error.GetProperty("parameter").GetString());
        }

        Assert.Empty(h.Upstream.Requests);
    }

    [Fact]
    public async Task A_huge_caller_value_is_shortened_in_log_lines()
    {
        var lines = new ConcurrentQueue<string>();
        await using var h = await ToolHarness.StartAsync(services: s => s.AddLogging(l => l.AddProvider(new LineProvider(lines))));
        h.Upstream.OnJson("GET /api/fire-edge/v1/org/user/find", 200, """{"results":[]}""");

        await h.CallAsync("user-find", new { query = new string('q', 200_000) });

        var upstreamLines = lines.Where(l => l.Contains("/v1/org/user/find", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(upstreamLines);
        Assert.All(upstreamLines, l => Assert.True(l.Length < 1_000, $"{l.Length} characters"));
    }

    private sealed class LineProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Line(lines);

        public void Dispose()
        {
        }

        private sealed class Line(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{formatter(state, exception)} {exception}");
        }
    }
}
