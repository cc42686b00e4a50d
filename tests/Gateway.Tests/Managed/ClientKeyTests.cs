using Microsoft.Extensions.Configuration;
using Serverless.Gateway.Callers;
using Serverless.Gateway.Grants;

namespace Serverless.Gateway.Tests.Managed;

/// <summary>The client-key command's output, and the registry that recognises the keys it makes.</summary>
public sealed class ClientKeyTests
{
    [Fact]
    public void A_new_key_is_random_prefixed_and_recognised_by_the_settings_printed_for_it()
    {
        var key = ClientKeys.NewKey();
        var other = ClientKeys.NewKey();
        Assert.StartsWith(ClientKeys.Prefix, key, StringComparison.Ordinal);
        Assert.NotEqual(key, other);
        Assert.True(key.Length >= ClientKeys.Prefix.Length + 43);

        var (settings, error) = ClientKeys.Settings("ops-bot", key,
            new ClientOptions { Numbers = "num_a,num_b", ChiliPiper = "read", Toolsets = "messaging,meetings", ReadOnly = true });
        Assert.Null(error);
        var text = ClientKeys.Render("ops-bot", key, settings);

        // The key is printed once; the settings hold only its hash.
        Assert.Equal(1, Occurrences(text, key));
        Assert.DoesNotContain(settings, s => s.Value.Contains(key, StringComparison.Ordinal));
        Assert.Contains("Clients__ops-bot__KeySha256=" + ClientKeys.Sha256Hex(key), text, StringComparison.Ordinal);
        Assert.Contains("Clients__ops-bot__Numbers=num_a,num_b", text, StringComparison.Ordinal);
        Assert.Contains("Clients__ops-bot__ChiliPiper=read", text, StringComparison.Ordinal);
        Assert.Contains("Clients__ops-bot__Toolsets=messaging,meetings", text, StringComparison.Ordinal);
        Assert.Contains("Clients__ops-bot__ReadOnly=true", text, StringComparison.Ordinal);
        Assert.Contains("az functionapp config appsettings set", text, StringComparison.Ordinal);
        Assert.Contains("\"Clients__ops-bot__Numbers=num_a,num_b\"", text, StringComparison.Ordinal);

        // Fed back as configuration, the printed settings authenticate the key with the grant asked for.
        var registry = new ClientRegistry();
        registry.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
            .Build().GetSection("Clients"));
        var caller = registry.Authenticate(key);
        Assert.NotNull(caller);
        Assert.Equal("ops-bot", caller.Id);
        Assert.Equal(["num_a", "num_b"], caller.Grant.Numbers!.Order());
        Assert.Equal(ChiliPiperAccess.Read, caller.Grant.ChiliPiper);
        Assert.Equal(["meetings", "messaging"], caller.Grant.Toolsets!.Order());
        Assert.True(caller.Grant.ReadOnly);
        Assert.Null(registry.Authenticate(other));
        Assert.Null(registry.Authenticate(key[..^1]));
    }

    [Theory]
    [InlineData("bad id", null, null, "client id")]
    [InlineData("ok", "full-ish", null, "ChiliPiper")]
    [InlineData("ok", "read", "messaging,nope", "unknown toolset 'nope'")]
    public void Wrong_client_settings_are_refused_naming_the_setting(string id, string? chiliPiper, string? toolsets, string expected)
    {
        var (_, error) = ClientKeys.Settings(id, ClientKeys.NewKey(), new ClientOptions { Numbers = "*", ChiliPiper = chiliPiper, Toolsets = toolsets });

        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("KeySha256", "abc", "KeySha256")]
    [InlineData("Numbers", "*,num_a", "Numbers")]
    public void The_registry_refuses_a_malformed_client_at_start(string setting, string value, string expected)
    {
        var values = new Dictionary<string, string?>
        {
            ["Clients:c1:KeySha256"] = ClientKeys.Sha256Hex("mcpgw_x"),
            ["Clients:c1:Numbers"] = "*",
        };
        values[$"Clients:c1:{setting}"] = value;
        var registry = new ClientRegistry();

        var error = Assert.Throws<InvalidOperationException>(() =>
            registry.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Clients")));
        Assert.Contains("Clients__c1__" + expected, error.Message, StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
