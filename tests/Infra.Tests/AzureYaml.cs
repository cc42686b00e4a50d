using YamlDotNet.RepresentationModel;

namespace Serverless.Infra.Tests;

/// <summary>azure.yaml at the repository root, read with a YAML parser.</summary>
internal sealed record AzureYaml(string Name, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Services)
{
    public static AzureYaml Load()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Repository.File("azure.yaml")))
        {
            stream.Load(reader);
        }
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var services = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("services"), out var servicesNode))
        {
            foreach (var (key, value) in ((YamlMappingNode)servicesNode).Children)
            {
                services[((YamlScalarNode)key).Value!] = ((YamlMappingNode)value).Children
                    .Where(p => p.Value is YamlScalarNode)
                    .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value ?? "", StringComparer.Ordinal);
            }
        }
        var name = root.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) ? ((YamlScalarNode)nameNode).Value ?? "" : "";
        return new AzureYaml(name, services);
    }

    public (string Name, IReadOnlyDictionary<string, string> Settings) SingleService()
    {
        Assert.True(Services.Count == 1, $"azure.yaml should declare one service, found {Services.Count}");
        var (name, settings) = Services.Single();
        return (name, settings);
    }
}
