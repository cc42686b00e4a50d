using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Serverless.Infra.Tests;

/// <summary>azure.yaml, infra/main.parameters.json and the compiled template agree the way azd needs.</summary>
public sealed partial class AzdContractTests
{
    /// <summary>Variables azd itself puts in every environment before provisioning.</summary>
    private static readonly string[] AzdProvided =
        ["AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_SUBSCRIPTION_ID", "AZURE_PRINCIPAL_ID"];

    private static readonly CompiledTemplate Template = CompiledTemplate.Main;

    [Fact]
    public void The_service_is_a_dotnet_function_app_built_from_the_functions_project()
    {
        var yaml = AzureYaml.Load();
        var (_, service) = yaml.SingleService();

        Assert.False(string.IsNullOrWhiteSpace(yaml.Name));
        Assert.Equal("function", service.GetValueOrDefault("host"));
        Assert.Equal("dotnet", service.GetValueOrDefault("language"));
        var project = Path.GetFullPath(Path.Combine(Repository.Root, service.GetValueOrDefault("project") ?? ""));
        Assert.Equal(Repository.File("src", "Functions"), project.TrimEnd(Path.DirectorySeparatorChar));
        var csproj = Assert.Single(Directory.GetFiles(project, "*.csproj"));
        Assert.Contains("<AzureFunctionsVersion>", File.ReadAllText(csproj), StringComparison.Ordinal);
    }

    [Fact]
    public void The_function_app_carries_the_service_name_and_environment_tags_azd_looks_up()
    {
        var (serviceName, _) = AzureYaml.Load().SingleService();
        var (deployment, site) = Template.Single("Microsoft.Web/sites");
        var tags = site["tags"]?.AsObject();

        Assert.NotNull(tags);
        Assert.Equal(serviceName, deployment.ResolveString(tags["azd-service-name"]));
        Assert.Equal("[parameters('environmentName')]", deployment.ResolveString(tags["azd-env-name"]));
    }

    [Fact]
    public void The_resource_group_is_named_and_tagged_from_the_environment()
    {
        Assert.Equal("subscription", TargetScope());
        var (deployment, group) = Template.Single("Microsoft.Resources/resourceGroups");

        Assert.Contains("parameters('environmentName')", (string?)group["name"], StringComparison.Ordinal);
        var tags = deployment.Resolve(group["tags"]) as JsonObject;
        Assert.NotNull(tags);
        Assert.Equal("[parameters('environmentName')]", deployment.ResolveString(tags["azd-env-name"]));
    }

    [Fact]
    public void Every_variable_in_the_parameters_file_is_one_azd_provides_or_an_output()
    {
        var known = AzdProvided.Concat(Template.Outputs.Select(o => o.Key)).ToHashSet(StringComparer.Ordinal);
        var used = ParameterFileValues().SelectMany(v => EnvReference().Matches(v)).Select(m => m.Groups["name"].Value).ToList();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(known.Contains(name), $"${{{name}}} is neither set by azd nor an output of main.bicep"));
    }

    [Fact]
    public void The_parameters_file_names_only_parameters_of_main_and_every_one_without_a_default()
    {
        var declared = Template.Parameters.ToDictionary(p => p.Key, p => p.Value!.AsObject(), StringComparer.Ordinal);
        var given = ParametersFile()["parameters"]!.AsObject().Select(p => p.Key).ToList();

        Assert.All(given, name => Assert.True(declared.ContainsKey(name), $"{name} is not a parameter of main.bicep"));
        var required = declared.Where(p => !p.Value.ContainsKey("defaultValue")).Select(p => p.Key).ToList();
        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.Contains(name, given));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)ParametersFile()["parameters"]!["environmentName"]?["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)ParametersFile()["parameters"]!["location"]?["value"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", (string?)ParametersFile()["parameters"]!["principalId"]?["value"]);
    }

    [Fact]
    public void Outputs_include_what_azd_and_the_readme_rely_on()
    {
        var (serviceName, _) = AzureYaml.Load().SingleService();
        var serviceKey = serviceName.ToUpperInvariant().Replace('-', '_');
        string[] expected =
        [
            "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_KEY_VAULT_NAME", "AZURE_KEY_VAULT_ENDPOINT",
            "AZURE_FUNCTION_APP_NAME", "MCP_URL", $"SERVICE_{serviceKey}_NAME",
        ];

        Assert.All(expected, name => Assert.True(Template.Outputs.ContainsKey(name), $"main.bicep has no output {name}"));
        Assert.All(Template.Outputs, o => Assert.Equal("string", (string?)o.Value?["type"]));
    }

    [Fact]
    public void The_mcp_url_is_https_on_the_app_host_at_the_mcp_path()
    {
        var value = (string?)Template.Outputs["MCP_URL"]?["value"];

        Assert.NotNull(value);
        Assert.StartsWith("[format('https://{0}/mcp', ", value, StringComparison.Ordinal);
        Assert.Contains("'app'", value, StringComparison.Ordinal);
        Assert.Contains(".outputs.defaultHostName.value", value, StringComparison.Ordinal);
        var (_, app) = Template.OfType("Microsoft.Resources/deployments").Single(d => (string?)d.Resource["name"] == "app");
        var hostName = (string?)app["properties"]?["template"]?["outputs"]?["defaultHostName"]?["value"];
        Assert.StartsWith("[reference(resourceId('Microsoft.Web/sites', parameters('name')), ", hostName, StringComparison.Ordinal);
        Assert.EndsWith(").defaultHostName]", hostName, StringComparison.Ordinal);
    }

    [Fact]
    public void The_functions_host_serves_the_mcp_path_without_a_route_prefix()
    {
        // MCP_URL ends in /mcp only while host.json drops the default "api" prefix.
        var host = JsonNode.Parse(File.ReadAllText(Repository.File("host.json")))!;

        Assert.Equal("", (string?)host["extensions"]?["http"]?["routePrefix"]);
    }

    private static string? TargetScope() =>
        ((string?)Template.Json["$schema"])?.Contains("subscriptionDeploymentTemplate", StringComparison.Ordinal) == true ? "subscription" : "other";

    private static JsonObject ParametersFile() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Infra, "main.parameters.json")))!.AsObject();

    private static IEnumerable<string> ParameterFileValues()
    {
        var pending = new Stack<JsonNode?>([ParametersFile()["parameters"]]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var p in o)
                    {
                        pending.Push(p.Value);
                    }
                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        pending.Push(item);
                    }
                    break;
                case JsonValue v when v.TryGetValue<string>(out var s):
                    yield return s;
                    break;
            }
        }
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(=[^}]*)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex EnvReference();
}
