namespace Serverless.Sandbox.PilotStatus;

/// <summary>Building blocks of the vendor's "v3" event bodies: <c>{ "event": name, "data": { ...camelCase... } }</c>.</summary>
internal static class WebhookPayloads
{
    public static JsonObject Envelope(string eventName, JsonObject data) => new()
    {
        ["event"] = eventName,
        ["data"] = data,
    };

    /// <summary>Id of one event record; receivers deduplicate retries on it.</summary>
    public static string NewEventId() => SandboxIds.New("evt");

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString(UtcInstantConverter.Format, CultureInfo.InvariantCulture);
}
