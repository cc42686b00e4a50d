using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Serverless.Sandbox.ChiliPiper;
using Serverless.Sandbox.PilotStatus;

namespace Serverless.Sandbox.Infrastructure;

internal static class SandboxJson
{
    /// <summary>
    /// Web defaults (camelCase, case-insensitive reads) with relaxed escaping, so <c>+5511…</c> and quotes reach
    /// clients as the vendors write them rather than as <c>\u002B</c> escapes. Known wire types resolve through the source-generated
    /// context; anything not registered there (e.g. ad-hoc error details) falls back to reflection, so adding
    /// endpoints never breaks serialization.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(SandboxJsonContext.Default, new DefaultJsonTypeInfoResolver()),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new UtcInstantConverter());
        options.MakeReadOnly();
        return options;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PilotStatusError))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(MessageResponse))]
[JsonSerializable(typeof(CancelMessagesResponse))]
[JsonSerializable(typeof(MessagePage<GroupMessageItem>))]
[JsonSerializable(typeof(MessagePage<UnreadMessageItem>))]
[JsonSerializable(typeof(ConversationPage))]
[JsonSerializable(typeof(ChiliPiperError))]
[JsonSerializable(typeof(TenantInfoResponse))]
[JsonSerializable(typeof(UserResponse))]
[JsonSerializable(typeof(UserPage))]
[JsonSerializable(typeof(string))]
internal sealed partial class SandboxJsonContext : JsonSerializerContext;
