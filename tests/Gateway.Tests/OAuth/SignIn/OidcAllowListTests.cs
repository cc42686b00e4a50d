using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Serverless.Gateway.OAuth;
using Serverless.Gateway.OAuth.SignIn;

namespace Serverless.Gateway.Tests.OAuth.SignIn;

/// <summary>Who the allow-list lets approve access: ids exactly, emails and user names without regard to case, groups by id.</summary>
public sealed class OidcAllowListTests
{
    private static readonly JsonWebToken Alice = Token(new()
    {
        ["oid"] = "0000-A11CE",
        ["sub"] = "Sub-Alice",
        ["email"] = "Alice@Example.com",
        ["preferred_username"] = "alice@contoso.onmicrosoft.com",
        ["groups"] = new[] { "grp-readers", "grp-admins" },
    });

    [Theory]
    [InlineData("0000-A11CE", null, true)]
    [InlineData("0000-a11ce", null, false)]
    [InlineData("Sub-Alice", null, true)]
    [InlineData("sub-alice", null, false)]
    [InlineData("alice@example.com", null, true)]
    [InlineData("ALICE@CONTOSO.ONMICROSOFT.COM", null, true)]
    [InlineData("bob@example.com, carol@example.com", null, false)]
    [InlineData("bob@example.com, alice@example.com", null, true)]
    [InlineData(null, "grp-admins", true)]
    [InlineData(null, "grp-other,grp-readers", true)]
    [InlineData(null, "grp-other", false)]
    [InlineData(null, null, false)]
    public void Matches_ids_exactly_logins_without_case_and_groups_by_id(string? users, string? groups, bool allowed) =>
        Assert.Equal(allowed, OidcAllowList.Allows(new OidcOptions { AllowedUsers = users, AllowedGroups = groups }, Alice));

    [Fact]
    public void A_token_without_groups_is_not_allowed_by_a_group()
    {
        var bob = Token(new() { ["sub"] = "sub-bob", ["email"] = "bob@example.com" });

        Assert.False(OidcAllowList.Allows(new OidcOptions { AllowedGroups = "grp-admins" }, bob));
        Assert.True(OidcAllowList.Allows(new OidcOptions { AllowedUsers = "bob@example.com", AllowedGroups = "grp-admins" }, bob));
    }

    private static JsonWebToken Token(Dictionary<string, object> claims) =>
        new(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
        }));
}
