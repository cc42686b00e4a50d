using System.Diagnostics.CodeAnalysis;

namespace Serverless.Tools.Catalog;

/// <summary>
/// A class whose <c>[McpServerTool]</c> methods become catalog tools. Made from a type argument so the trimmer
/// keeps what the catalog reads by reflection (the tool methods, and the constructor each call creates the
/// area through) in a Native AOT build too.
/// </summary>
public readonly record struct ToolArea
{
    public const DynamicallyAccessedMemberTypes ReadMembers = DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors;

    private ToolArea([DynamicallyAccessedMembers(ReadMembers)] Type type) => Type = type;

    [DynamicallyAccessedMembers(ReadMembers)]
    public Type Type { get; }

    public static ToolArea Of<[DynamicallyAccessedMembers(ReadMembers)] T>() where T : class => new(typeof(T));
}
