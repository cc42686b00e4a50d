using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Tools.Catalog;

/// <summary>
/// Every tool the gateway offers, built once: the SDK tool objects are reused by every request, and the
/// area instance behind a call is created from that call's services, so per-caller state never leaks.
/// </summary>
public sealed class ToolCatalog
{
    private readonly Dictionary<string, ToolEntry> _byName;

    public ToolCatalog(IEnumerable<ToolArea> areas)
    {
        var entries = new List<ToolEntry>();
        foreach (var area in areas)
        {
            var type = area.Type;
            var toolset = type.GetCustomAttribute<ToolsetAttribute>()?.Id
                ?? throw new InvalidOperationException($"{type.Name} has no [Toolset].");
            if (!Toolsets.All.TryGetValue(toolset, out var upstream))
            {
                throw new InvalidOperationException($"{type.Name} names unknown toolset '{toolset}'.");
            }

            // Built once per area, not looked up on every call.
            var createArea = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var attribute = method.GetCustomAttribute<McpServerToolAttribute>();
                if (attribute is null)
                {
                    continue;
                }

                var tool = McpServerTool.Create(
                    method,
                    context => createArea(context.Services ?? throw new InvalidOperationException("A tool call needs request services."), null),
                    new McpServerToolCreateOptions { SerializerOptions = ToolJson.Options, SchemaCreateOptions = CompactSchema.Options });
                // The SDK copies the title into the annotations as well; the top-level title is the one clients
                // read, and the copy costs every client a few tokens per tool.
                var declared = tool.ProtocolTool.Annotations ?? new ToolAnnotations();
                declared.Title = null;
                tool.ProtocolTool.Annotations = WireHints.Compact(declared);

                var keyScope = method.GetCustomAttribute<KeyScopeAttribute>();
                var declaration = ToolDeclaration.Of(tool, keyScope?.Scope);
                tool = new DeclaredTool(new CheckedArgumentsTool(tool), declaration);

                var name = tool.ProtocolTool.Name;
                entries.Add(new ToolEntry(name, toolset, upstream, declaration.IsRead, tool, keyScope?.Scope,
                    NumberArgumentOf(method, keyScope)) { Hints = declared });
            }
        }

        Entries = entries;
        _byName = new Dictionary<string, ToolEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!_byName.TryAdd(entry.Name, entry))
            {
                throw new InvalidOperationException($"Tool '{entry.Name}' is declared twice.");
            }
        }
    }

    /// <summary>The parameter name Pilot Status tools use for the WhatsApp number they act on.</summary>
    public const string DefaultNumberArgument = "whatsappNumberId";

    private static string? NumberArgumentOf(MethodInfo method, KeyScopeAttribute? keyScope)
    {
        if (keyScope is null)
        {
            return null;
        }

        var name = keyScope.NumberArgument ?? DefaultNumberArgument;
        if (method.GetParameters().Any(p => p.Name == name))
        {
            return name;
        }

        return keyScope.NumberArgument is null
            ? null
            : throw new InvalidOperationException($"{method.DeclaringType?.Name}.{method.Name} declares number argument '{name}' but has no such parameter.");
    }

    /// <summary>The catalog of every area in this assembly.</summary>
    public static ToolCatalog CreateDefault() => new(ToolAreas.All);

    public IReadOnlyList<ToolEntry> Entries { get; }

    public bool TryGet(string name, out ToolEntry entry) => _byName.TryGetValue(name, out entry!);
}
