using Serverless.Gateway.Secrets;

namespace Serverless.Gateway.Tests.Managed;

public sealed class SecretNameTests
{
    [Theory]
    [InlineData("num_sandbox_1", "pilotstatus-number-key-num-sandbox-1")]
    [InlineData("NUM_Sandbox_1", "pilotstatus-number-key-num-sandbox-1")]
    [InlineData("num-abc-123", "pilotstatus-number-key-num-abc-123")]
    [InlineData("a.b/c d", "pilotstatus-number-key-a-b-c-d")]
    [InlineData("número", "pilotstatus-number-key-n-mero")]
    public void A_number_id_maps_to_a_key_vault_secret_name(string numberId, string expected) =>
        Assert.Equal(expected, SecretNames.NumberKey(numberId));

    [Fact]
    public void Mapped_names_hold_only_what_key_vault_allows()
    {
        foreach (var id in new[] { "num_1", "x\u0000y", "ключ", "a+b=c", new string('z', 104) })
        {
            var name = SecretNames.NumberKey(id);
            Assert.NotNull(name);
            Assert.True(name.Length <= 127);
            Assert.Matches("^[0-9a-zA-Z-]+$", name);
        }
    }

    [Fact]
    public void Distinct_ids_stay_distinct_unless_they_differ_only_in_case_or_punctuation()
    {
        var ids = new[] { "num_1", "num_2", "num_12", "num_1a", "num_a1", "num1" };
        Assert.Equal(ids.Length, ids.Select(SecretNames.NumberKey).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_or_too_long_id_has_no_secret_name(string id)
    {
        Assert.Null(SecretNames.NumberKey(id));
        Assert.Null(SecretNames.NumberKey(new string('a', 105)));
    }
}
