namespace Serverless.Tools.Catalog;

/// <summary>Places every tool of an area class in one toolset.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ToolsetAttribute(string id) : Attribute
{
    public string Id { get; } = id;
}
