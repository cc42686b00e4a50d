using Microsoft.Extensions.Options;
using Serverless.Gateway.Telemetry;
using Serverless.Tools.Catalog;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Tests;

public sealed class UpstreamUrlRedactorTests
{
    private static readonly UpstreamUrlRedactor Redactor = new(new Monitor(new()
    {
        [UpstreamOptions.PilotStatusSection] = "https://pilotstatus.com.br",
        [UpstreamOptions.ChiliPiperSection] = "https://fire.chilipiper.com/api/fire-edge",
    }));

    [Theory]
    [InlineData("https://pilotstatus.com.br/v1/messages/msg_secret", "https://pilotstatus.com.br/v1/messages/*", Upstream.PilotStatus)]
    [InlineData("https://pilotstatus.com.br/v1/webhooks/wh_1/logs?limit=5&event=message.sent", "https://pilotstatus.com.br/v1/webhooks/*/*?limit=*&event=*", Upstream.PilotStatus)]
    [InlineData("https://pilotstatus.com.br/v1/numbers", "https://pilotstatus.com.br/v1/numbers", Upstream.PilotStatus)]
    [InlineData("https://fire.chilipiper.com/api/fire-edge/v1/org/meetings/get/m-123", "https://fire.chilipiper.com/api/fire-edge/v1/org/meetings/*/*", Upstream.ChiliPiper)]
    [InlineData("https://fire.chilipiper.com/api/fire-edge/v1/org/concierge/routers/inbound-demo/rest", "https://fire.chilipiper.com/api/fire-edge/v1/org/concierge/*/*/*", Upstream.ChiliPiper)]
    public void Keeps_the_base_and_fixed_segments_and_replaces_the_rest(string url, string expected, Upstream upstream)
    {
        var (matched, redacted) = Redactor.Redact(new Uri(url));
        Assert.Equal(expected, redacted);
        Assert.Equal(upstream, matched);
    }

    [Fact]
    public void An_unknown_base_keeps_no_path_segment()
    {
        var (matched, redacted) = Redactor.Redact(new Uri("https://elsewhere.example/v1/things/secret?q=secret"));
        Assert.Null(matched);
        Assert.Equal("https://elsewhere.example/*/*/*?q=*", redacted);
    }

    private sealed class Monitor(Dictionary<string, string> baseUrls) : IOptionsMonitor<UpstreamOptions>
    {
        public UpstreamOptions CurrentValue => throw new NotSupportedException();

        public UpstreamOptions Get(string? name) => new() { BaseUrl = baseUrls[name!] };

        public IDisposable? OnChange(Action<UpstreamOptions, string?> listener) => null;
    }
}
