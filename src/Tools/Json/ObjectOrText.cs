using System.Text.Json.Serialization;

namespace Serverless.Tools.Json;

/// <summary>
/// An argument that is a JSON object or the same content as text (a template's content is one). Its schema
/// offers both, each typed, so a client neither guesses nor stringifies an object it should send as one.
/// </summary>
[JsonConverter(typeof(ObjectOrTextConverter))]
public readonly record struct ObjectOrText(JsonElement Value);

internal sealed class ObjectOrTextConverter : JsonConverter<ObjectOrText>
{
    public override ObjectOrText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, ObjectOrText value, JsonSerializerOptions options) =>
        value.Value.WriteTo(writer);
}
