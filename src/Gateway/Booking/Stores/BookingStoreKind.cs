namespace Serverless.Gateway.Booking.Stores;

/// <summary>Where booking sessions live, chosen by <c>Booking__Store</c>.</summary>
public enum BookingStoreKind
{
    /// <summary>This process's memory: one instance only (self-host default, stdio, tests).</summary>
    Memory,

    /// <summary>An Azure Storage table shared by every instance; ETag-conditional writes.</summary>
    Table,

    /// <summary>One Durable Entity per session, reached through an orchestration; Azure Functions host only.</summary>
    DurableEntity,
}
