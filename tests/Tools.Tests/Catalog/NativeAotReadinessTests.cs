using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Serverless.Tools.Catalog;
using Serverless.Tools.Json;
using Serverless.Tools.Upstreams;

namespace Serverless.Tools.Tests.Catalog;

/// <summary>
/// What a Native AOT build cannot find by itself, checked here under the JIT: the listed areas and area clients
/// match what the assembly declares, and tool arguments resolve through generated JSON metadata alone.
/// </summary>
public sealed class NativeAotReadinessTests
{
    private static readonly Assembly Tools = typeof(ToolCatalog).Assembly;

    [Fact]
    public void The_area_list_names_every_tool_class_once()
    {
        var declared = Tools.GetTypes().Where(t => t.GetCustomAttribute<McpServerToolTypeAttribute>() is not null).Select(t => t.FullName).Order(StringComparer.Ordinal).ToArray();
        var listed = ToolAreas.All.Select(a => a.Type.FullName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(20, declared.Length);
        Assert.Equal(declared, listed);
    }

    [Fact]
    public void Every_area_client_is_registered()
    {
        var services = new ServiceCollection().AddGatewayTools(new ConfigurationBuilder().Build());
        var registered = services.Select(d => d.ServiceType).ToHashSet();
        var clients = Tools.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(UpstreamArea))).ToArray();

        Assert.Equal(19, clients.Length);
        Assert.All(clients, c => Assert.Contains(c, registered));
    }

    [Fact]
    public void Tool_json_has_no_reflection_fallback()
    {
        Assert.DoesNotContain(ToolJson.Options.TypeInfoResolverChain, r => r is DefaultJsonTypeInfoResolver);
        // A type no context lists cannot be serialized, as under Native AOT.
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new Unlisted(1), ToolJson.Options));
    }

    [Fact]
    public void Every_tool_argument_type_has_generated_json_metadata()
    {
        var missing = ToolAreas.All
            .SelectMany(a => a.Type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null)
            .SelectMany(m => m.GetParameters().Select(p => (Method: m, p.ParameterType)))
            .Where(p => p.ParameterType != typeof(CancellationToken) && !p.ParameterType.IsAssignableTo(typeof(IServiceProvider)))
            .Where(p => !ToolJson.Options.TryGetTypeInfo(p.ParameterType, out _))
            .Select(p => $"{p.Method.DeclaringType!.Name}.{p.Method.Name}: {p.ParameterType}")
            .ToArray();

        Assert.True(missing.Length == 0, "No generated JSON metadata for:\n" + string.Join('\n', missing));
    }

    private sealed record Unlisted(int Value);
}
