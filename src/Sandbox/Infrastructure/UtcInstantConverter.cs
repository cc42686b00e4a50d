using System.Text.Json.Serialization;
using Serverless.Wire;

namespace Serverless.Sandbox.Infrastructure;

/// <summary>
/// Writes instants the way both vendors do on the wire: UTC, millisecond precision, trailing <c>Z</c>
/// (e.g. <c>2026-03-01T12:00:00.000Z</c>) instead of the framework's <c>+00:00</c> offset form.
/// </summary>
internal sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !WireFormat.TryParseInstant(text, out var value))
        {
            throw new JsonException("Expected an ISO-8601 instant.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
