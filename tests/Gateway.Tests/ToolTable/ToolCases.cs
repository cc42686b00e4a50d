using System.Reflection;

namespace Serverless.Gateway.Tests.ToolTable;

/// <summary>
/// The rows of the table-driven tool test. Each area adds a file with a static property of type
/// <c>IEnumerable&lt;ToolCase&gt;</c> to this partial class; <see cref="All"/> collects every such property.
/// </summary>
public static partial class ToolCases
{
    public static IReadOnlyList<ToolCase> All { get; } = typeof(ToolCases)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(IEnumerable<ToolCase>))
        .SelectMany(p => (IEnumerable<ToolCase>)p.GetValue(null)!)
        .ToArray();
}
