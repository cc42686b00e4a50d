using System.Text.Json.Serialization;

namespace Serverless.Gateway.Booking.Stores;

/// <summary>How stores that leave the process write a session: source-generated, so no reflection at run time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(BookingSession))]
public sealed partial class BookingSessionJson : JsonSerializerContext;
