using System.Text.Encodings.Web;
using System.Text.Json.Serialization.Metadata;

namespace Serverless.Sandbox.Infrastructure;

internal static class SandboxJson
{
    /// <summary>
    /// Web defaults (camelCase, case-insensitive reads) with relaxed escaping, so <c>+5511…</c> and quotes reach
    /// clients as the vendors write them rather than as <c>\u002B</c> escapes. Types resolve only through the
    /// source-generated <see cref="SandboxJsonContext"/>: a type missing there fails under JIT exactly as it
    /// would in a Native AOT build, so the tests catch it.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>A JSON response written with <see cref="Options"/>; <typeparamref name="T"/> must be registered in the context.</summary>
    public static IResult Result<T>(T value, int? statusCode = null)
        => Results.Json(value, TypeInfo<T>(), statusCode: statusCode);

    /// <summary>The metadata of <typeparamref name="T"/> bound to <see cref="Options"/> (escaping and instant format included).</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = SandboxJsonContext.Default,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new UtcInstantConverter());
        options.MakeReadOnly();
        return options;
    }
}
