using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace Serverless.Tools.Json;

/// <summary>Serializer settings shared by tool arguments and upstream bodies.</summary>
public static class ToolJson
{
    /// <summary>The SDK's own settings, with this project's generated types resolved first.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        // Source-generated metadata only, never the SDK's reflection fallback: a Native AOT build has no
        // reflection serializer, so a type missing here must fail every build's tests, not only the AOT one.
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([ToolJsonContext.Default, .. Generated(McpJsonUtilities.DefaultOptions.TypeInfoResolver)]),
        };
        options.MakeReadOnly();
        return options;
    }

    // The SDK's resolver nests chains that end in the reflection resolver; keep every generated context of them.
    private static IEnumerable<IJsonTypeInfoResolver> Generated(IJsonTypeInfoResolver? resolver) => resolver switch
    {
        null or DefaultJsonTypeInfoResolver => [],
        IEnumerable<IJsonTypeInfoResolver> chain => chain.SelectMany(Generated),
        _ => [resolver],
    };

    // The text part is read by a model, not rendered in a page: escaping "+" or "…" as \uXXXX only costs
    // tokens and hides phone numbers. Quotes, backslashes and control characters are still escaped, so the
    // text stays valid JSON.
    private static readonly JsonWriterOptions TextWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON for the text part of a result.</summary>
    public static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, TextWriterOptions))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
[JsonSerializable(typeof(Pagination))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.PilotStatusErrorBody))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.ChiliPiperErrorBody))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.MediaType))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.BillingPurpose))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.AnalyticsPeriod))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.BrandingField[]))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.PinDuration))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.PairingProvider))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.MetaPairingFlow))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.PairingBranding))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.TemplateCategory))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.LicenseSet))]
[JsonSerializable(typeof(Dictionary<string, Serverless.Tools.ChiliPiper.LicenseSet>))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.MeetingStatus))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.MeetingStatus[]))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.UserWeight[]))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.UserCalibration[]))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.DistributionAssignmentType))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.RuleFilter))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.TimeInterval))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.MeetingTypeRef))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.MeetingTypeOverride))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.HandoffRequestType))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.CrmRecordId))]
[JsonSerializable(typeof(JsonElement[]))]
[JsonSerializable(typeof(ObjectOrText))]
// Optional enum arguments: a Nullable<T> is a type of its own to the generator.
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.DistributionAssignmentType?))]
[JsonSerializable(typeof(Serverless.Tools.ChiliPiper.HandoffRequestType?))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.AnalyticsPeriod?))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.PinDuration?))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.MediaType?))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.PairingProvider?))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.MetaPairingFlow?))]
[JsonSerializable(typeof(Serverless.Tools.PilotStatus.TemplateCategory?))]
internal sealed partial class ToolJsonContext : JsonSerializerContext;
