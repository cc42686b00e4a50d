namespace Serverless.Sandbox.Infrastructure;

internal static class JsonArrayExtensions
{
    /// <summary>
    /// Adds a node as it is. Given a <see cref="JsonObject"/>, <c>JsonArray.Add</c> binds to its generic overload,
    /// which is marked as needing reflection (trimming and AOT warnings) even though a node needs no serializer.
    /// </summary>
    public static void AddNode(this JsonArray array, JsonNode? node) => array.Add(node);
}
