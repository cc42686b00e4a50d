using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Gateway.Booking;
using Serverless.Gateway.Booking.Stores;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Tests.Booking.Stores;

/// <summary>Booking__Store and its settings: the store each value gives, and the start-up error for each wrong one.</summary>
public sealed class BookingStoreSelectionTests
{
    private const string Azurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private static ServiceProvider Build(IConfiguration configuration, BookingStoreKind defaultStore = BookingStoreKind.Memory, Action<IServiceCollection>? first = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        first?.Invoke(services);
        services.AddBookingLedger(configuration, defaultStore);
        return services.BuildServiceProvider();
    }

    private static string StartUpError(IConfiguration configuration, BookingStoreKind defaultStore = BookingStoreKind.Memory) =>
        Assert.Throws<InvalidOperationException>(() => Build(configuration, defaultStore)).Message;

    [Fact]
    public void Unset_gives_the_hosts_default_and_Memory_the_in_memory_store()
    {
        using var unset = Build(Config());
        using var memory = Build(Config(("Booking:Store", "memory")), BookingStoreKind.Table);

        Assert.IsType<InMemoryBookingSessionStore>(unset.GetRequiredService<IBookingSessionStore>());
        Assert.IsType<InMemoryBookingSessionStore>(memory.GetRequiredService<IBookingSessionStore>());
        Assert.Contains("Booking__TableConnection", StartUpError(Config(), BookingStoreKind.Table), StringComparison.Ordinal);
    }

    [Fact]
    public void Table_with_a_connection_string_gives_the_table_store_and_its_account_key_becomes_a_known_secret()
    {
        using var provider = Build(Config(("Booking:Store", "Table"), ("Booking:TableConnection", Azurite)));

        using var development = Build(Config(("Booking:Store", "Table"), ("Booking:TableConnection", "UseDevelopmentStorage=true")));

        Assert.IsType<TableBookingSessionStore>(provider.GetRequiredService<IBookingSessionStore>());
        Assert.IsType<TableBookingSessionStore>(development.GetRequiredService<IBookingSessionStore>());
        Assert.Contains("Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            provider.GetRequiredService<KnownSecrets>().Values);
    }

    [Fact]
    public void Table_with_a_service_uri_gives_the_table_store()
    {
        using var provider = Build(Config(("Booking:Store", "Table"), ("Booking:TableServiceUri", "https://acct.table.core.windows.net"), ("Booking:TableName", "Ledger2")));

        Assert.IsType<TableBookingSessionStore>(provider.GetRequiredService<IBookingSessionStore>());
    }

    [Fact]
    public void A_store_the_host_registered_first_is_kept_whatever_the_setting_says()
    {
        var own = new InMemoryBookingSessionStore(TimeProvider.System);
        using var provider = Build(Config(("Booking:Store", "DurableEntity")), first: s => s.AddSingleton<IBookingSessionStore>(own));

        Assert.Same(own, provider.GetRequiredService<IBookingSessionStore>());
    }

    [Theory]
    [InlineData("Redis", "Booking__Store must be Memory, Table or DurableEntity; got 'Redis'")]
    [InlineData("1", "Booking__Store must be Memory, Table or DurableEntity; got '1'")]
    [InlineData("Memory,Table", "Booking__Store must be Memory, Table or DurableEntity; got 'Memory,Table'")]
    [InlineData("DurableEntity", "Booking__Store=DurableEntity needs the Azure Functions host")]
    public void A_store_this_host_cannot_offer_stops_the_start_up(string store, string message)
    {
        Assert.Contains(message, StartUpError(Config(("Booking:Store", store))), StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_table_settings_stop_the_start_up_naming_the_setting()
    {
        Assert.Contains("needs Booking__TableConnection (a storage connection string) or Booking__TableServiceUri",
            StartUpError(Config(("Booking:Store", "Table"))), StringComparison.Ordinal);
        Assert.Contains("not both", StartUpError(Config(("Booking:Store", "Table"), ("Booking:TableConnection", Azurite),
            ("Booking:TableServiceUri", "https://acct.table.core.windows.net"))), StringComparison.Ordinal);
        Assert.Contains("Booking__TableServiceUri must be the account's table endpoint",
            StartUpError(Config(("Booking:Store", "Table"), ("Booking:TableServiceUri", "acct.table.core.windows.net"))), StringComparison.Ordinal);
        Assert.Contains("Booking__TableName must be 3 to 63 letters and digits",
            StartUpError(Config(("Booking:Store", "Table"), ("Booking:TableConnection", Azurite), ("Booking:TableName", "booking-sessions"))), StringComparison.Ordinal);

        var badConnection = StartUpError(Config(("Booking:Store", "Table"), ("Booking:TableConnection", "AccountKey=c2VjcmV0c2VjcmV0;Nonsense")));
        Assert.Equal("Booking__TableConnection is not a storage connection string.", badConnection);
    }
}
