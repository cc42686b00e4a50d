using System.IO.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Serverless.Gateway.Booking;
using Serverless.Tools.Catalog;
using Serverless.Tools.Upstreams;
using static Serverless.Gateway.Tests.Booking.LedgerKit;

namespace Serverless.Gateway.Tests.Booking;

/// <summary>
/// The ledger on a stream transport composed the way the stdio command composes it: the SDK's hosted server,
/// a scope per request, credentials from configuration, and the options filled by McpServerOptionsFactory.Configure.
/// </summary>
public sealed class BookingOverStreamTests
{
    [Fact]
    public async Task A_replay_over_a_stream_server_returns_the_recorded_booking()
    {
        var clientToServer = new Pipe();
        var serverToClient = new Pipe();
        var backend = new FakeBookingBackend();
        var tools = new ToolCatalog([ToolArea.Of<StandInSchedulingTools>()]).Entries;

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(backend);
        builder.Services.AddScoped(_ => new CallerCredentials { ChiliPiperToken = "cp_test_stdio_token" });
        builder.Services.AddBookingLedger(new ConfigurationBuilder().Build());
        builder.Services.AddMcpServer().WithStreamServerTransport(clientToServer.Reader.AsStream(), serverToClient.Writer.AsStream());
        builder.Services.AddOptions<McpServerOptions>().Configure(options => McpServerOptionsFactory.Configure(options, tools, NullLogger.Instance));
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var client = await McpClient.CreateAsync(
                new StreamClientTransport(clientToServer.Writer.AsStream(), serverToClient.Reader.AsStream()),
                cancellationToken: TestContext.Current.CancellationToken);

            var init = await client.CallToolAsync("scheduling-link-init", new Dictionary<string, object?> { ["link"] = new { slug = "demo" } },
                cancellationToken: TestContext.Current.CancellationToken);
            var routeId = init.StructuredContent!.Value.GetProperty("routeId").GetString();
            var results = new List<CallToolResult>();
            foreach (var startTime in new[] { FakeBookingBackend.StartTimes[2], FakeBookingBackend.StartTimes[2], "2030-01-07T12:00:00Z" })
            {
                results.Add(await client.CallToolAsync("scheduling-link-schedule", new Dictionary<string, object?>
                {
                    ["routeId"] = routeId,
                    ["body"] = new { startTime },
                }, cancellationToken: TestContext.Current.CancellationToken));
            }

            Assert.True(results[0].IsError is not true, Text(results[0]));
            Assert.True(AlreadyBooked(results[1]), Text(results[1]));
            Assert.True(AlreadyBooked(results[2]), Text(results[2]));
            Assert.All(results, r => Assert.Equal(MeetingId(results[0]), MeetingId(r)));
            Assert.Single(backend.Bookings);
        }
        finally
        {
            await clientToServer.Writer.CompleteAsync();
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }
}
