using Serverless.Functions.Tests.Infrastructure;
using Serverless.Tools.Catalog;

namespace Serverless.Functions.Tests;

/// <summary>The function app declares one function per toolset, named after it, plus mcp and the oauth functions.</summary>
public sealed class FunctionCatalogTests
{
    [Fact]
    public void Every_toolset_has_exactly_one_function_named_after_it_and_nothing_else_but_mcp_and_the_oauth_functions()
    {
        var areaFunctions = FunctionRoute.All.Where(f => typeof(AreaFunction).IsAssignableFrom(f.Type)).Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Toolsets.All.Keys.Order(StringComparer.Ordinal), areaFunctions);
        Assert.Equal(["mcp", "oauth", "oauth-openid-metadata", "oauth-server", "oauth-server-metadata"], FunctionRoute.All.Where(f => !typeof(AreaFunction).IsAssignableFrom(f.Type)).Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Area_routes_are_the_area_with_an_optional_readonly_segment_and_answer_post_get_delete()
    {
        foreach (var function in FunctionRoute.All.Where(f => typeof(AreaFunction).IsAssignableFrom(f.Type)))
        {
            Assert.Equal($"mcp/x/{function.Name}/{{mode:regex(^readonly$)?}}", function.Route);
            Assert.Equal(["POST", "GET", "DELETE"], function.Methods);
        }
    }

    [Fact]
    public void Function_names_are_unique_and_valid_for_the_disabled_setting()
    {
        var names = FunctionRoute.All.Select(f => f.Name).ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // AzureWebJobs.<name>.Disabled needs a plain name.
        Assert.All(names, n => Assert.Matches("^[a-z][a-z0-9_-]*$", n));
    }
}
