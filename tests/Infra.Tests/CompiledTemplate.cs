using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Serverless.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled to ARM JSON by the Bicep CLI, with its nested module deployments, so the
/// tests read what Azure Resource Manager would receive rather than the Bicep source.
/// </summary>
internal sealed partial class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> MainTemplate = new(() => Compile(Path.Combine(Repository.Infra, "main.bicep")));

    public static CompiledTemplate Main => MainTemplate.Value;

    public JsonObject Json { get; }

    public Deployment Root { get; }

    /// <summary>Every resource of the template and of the module deployments nested in it.</summary>
    public IReadOnlyList<(Deployment Deployment, JsonObject Resource)> AllResources { get; }

    private CompiledTemplate(JsonObject json)
    {
        Json = json;
        Root = new Deployment("main", json, null, null);
        var all = new List<(Deployment, JsonObject)>();
        Collect(Root, all);
        AllResources = all;
    }

    public IReadOnlyList<(Deployment Deployment, JsonObject Resource)> OfType(string type) =>
        AllResources.Where(r => string.Equals((string?)r.Resource["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public (Deployment Deployment, JsonObject Resource) Single(string type)
    {
        var found = OfType(type);
        Assert.True(found.Count == 1, $"expected exactly one {type}, found {found.Count}");
        return found[0];
    }

    public JsonObject Outputs => Json["outputs"]?.AsObject() ?? [];

    public JsonObject Parameters => Json["parameters"]?.AsObject() ?? [];

    public static CompiledTemplate Compile(string bicepFile)
    {
        var outDir = Directory.CreateTempSubdirectory("infra-tests-");
        try
        {
            var outFile = Path.Combine(outDir.FullName, "template.json");
            var result = BicepCli.Run("build", bicepFile, "--outfile", outFile);
            Assert.True(result.Problem is null, $"bicep build {bicepFile}: {result.Problem}");
            return new CompiledTemplate(JsonNode.Parse(File.ReadAllText(outFile))!.AsObject());
        }
        finally
        {
            outDir.Delete(recursive: true);
        }
    }

    private static void Collect(Deployment deployment, List<(Deployment, JsonObject)> all)
    {
        foreach (var resource in deployment.Resources)
        {
            all.Add((deployment, resource));
            if (string.Equals((string?)resource["type"], "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                && resource["properties"]?["template"] is JsonObject nested)
            {
                Collect(new Deployment((string)resource["name"]!, nested, resource, deployment), all);
            }
        }
    }

    /// <summary>One template (the root or a module) and the deployment resource that passes it parameters.</summary>
    internal sealed partial class Deployment(string name, JsonObject template, JsonObject? deploymentResource, Deployment? parent)
    {
        public string Name { get; } = name;

        public JsonObject Template { get; } = template;

        /// <summary>Resources as a list; language version 2.0 templates keep them in an object by symbolic name.</summary>
        public IEnumerable<JsonObject> Resources => Template["resources"] switch
        {
            JsonArray list => list.OfType<JsonObject>(),
            JsonObject byName => byName.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };

        /// <summary>
        /// Follows <c>[parameters('x')]</c> (to the value the parent deployment passes, or the default) and
        /// <c>[variables('x')]</c> until a literal or another expression; other expressions come back as they are.
        /// </summary>
        public JsonNode? Resolve(JsonNode? value)
        {
            if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
            {
                return value;
            }
            var match = Reference().Match(text);
            if (!match.Success)
            {
                return value;
            }
            var name = match.Groups["name"].Value;
            if (match.Groups["kind"].Value == "variables")
            {
                return Template["variables"]?[name] is { } variable ? Resolve(variable) : value;
            }
            if (deploymentResource is null || parent is null)
            {
                // The entry point's parameters come from main.parameters.json at deployment time.
                return value;
            }
            if (deploymentResource["properties"]?["parameters"]?[name]?["value"] is { } passed)
            {
                return parent.Resolve(passed);
            }
            return Template["parameters"]?[name]?["defaultValue"] is { } fallback ? Resolve(fallback) : value;
        }

        public string? ResolveString(JsonNode? value) => Resolve(value)?.ToString();

        [GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>[^']+)'\)\]$", RegexOptions.CultureInvariant)]
        private static partial Regex Reference();
    }
}
