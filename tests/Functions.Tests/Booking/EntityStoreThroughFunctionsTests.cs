using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Serverless.Functions.Tests.Infrastructure;
using static Serverless.Sandbox.ChiliPiper.ChiliPiperBookingSeed;

namespace Serverless.Functions.Tests.Booking;

/// <summary>
/// A two-phase booking through the scheduling area's function with Booking__Store=DurableEntity: the function
/// hands the Durable client it is bound to over to the entity store, whose sessions then live in entities
/// (of an in-process task hub here; the Durable runtime itself does not run in these tests).
/// </summary>
public sealed class EntityStoreThroughFunctionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_booking_through_the_scheduling_function_keeps_its_session_in_an_entity_and_books_once()
    {
        var durable = new InProcessDurableClient(TimeProvider.System);
        await using var host = await FunctionsHost.StartAsync(
            new Dictionary<string, string?> { ["Booking:Store"] = "DurableEntity" },
            services => services.AddSingleton<DurableTaskClient>(durable));
        await using var client = await host.ConnectAsync("/mcp/x/scheduling", Raw.BothCredentials);

        var offered = await OkAsync(client, "scheduling-link-init", new
        {
            link = new { slug = SalesDemoLinkSlug },
            interval = new { startsAt = "2099-03-02T00:00:00Z", duration = "7 days" },
            guestEmail = "entity@functions.example",
        });
        Assert.True(durable.EntityCount >= 1, "phase 1 should have stored its session in an entity");

        var schedule = new { routeId = offered.GetProperty("routeId").GetString(), body = new { startTime = offered.GetProperty("startTimes")[0].GetString() } };
        var first = await OkAsync(client, "scheduling-link-schedule", schedule);
        var again = await OkAsync(client, "scheduling-link-schedule", schedule);

        Assert.True(again.GetProperty("alreadyBooked").GetBoolean());
        Assert.Equal(first.GetProperty("meetingId").GetString(), again.GetProperty("meetingId").GetString());
        Assert.Single(host.Sandbox.State.ChiliPiper.GetMeetings(), m => m.GuestEmail == "entity@functions.example");
    }

    private static async Task<JsonElement> OkAsync(McpClient client, string tool, object arguments)
    {
        var result = await client.CallToolAsync(tool, JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments)), cancellationToken: Ct);
        Assert.True(result.IsError is not true, $"{tool}: {string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text))}");
        return result.StructuredContent!.Value;
    }
}
