using Microsoft.DurableTask.Client;

namespace Serverless.Functions.Booking;

/// <summary>
/// The Durable Task client of this app, for the entity booking store. The isolated worker hands a client
/// only to a function that binds one ([DurableClient]); such a function offers it here before the gateway
/// runs. All clients of one app reach the same task hub, so the latest one serves every caller.
/// </summary>
public sealed class DurableClientSlot
{
    private volatile DurableTaskClient? _client;

    public DurableTaskClient? Client => _client;

    public void Offer(DurableTaskClient client) => _client = client;

    /// <summary>Offers a function's bound client to the app's slot, if the app registered one.</summary>
    public static void OfferFrom(Microsoft.AspNetCore.Http.HttpRequest request, DurableTaskClient? client)
    {
        if (client is not null && request.HttpContext.RequestServices.GetService(typeof(DurableClientSlot)) is DurableClientSlot slot)
        {
            slot.Offer(client);
        }
    }
}
