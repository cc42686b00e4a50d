using Serverless.Wire;

namespace Serverless.Sandbox.Infrastructure;

/// <summary>Outcome of reading a request body as JSON; kept as data so each vendor can phrase its own 400.</summary>
internal readonly record struct JsonBody(JsonBodyKind Kind, JsonElement Root)
{
    public bool IsObject => Kind == JsonBodyKind.Parsed && Root.ValueKind == JsonValueKind.Object;

    public bool IsArray => Kind == JsonBodyKind.Parsed && Root.ValueKind == JsonValueKind.Array;
}

internal enum JsonBodyKind
{
    Empty,
    Invalid,
    Parsed,
}

internal static class SandboxHttp
{
    public static async Task<JsonBody> ReadJsonBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return new JsonBody(JsonBodyKind.Empty, default);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return new JsonBody(JsonBodyKind.Parsed, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            return new JsonBody(JsonBodyKind.Invalid, default);
        }
    }

    /// <summary>Parses an ISO-8601 date or date-time; values without an offset are taken as UTC.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset value) => WireFormat.TryParseInstant(text, out value);

    public static string? RouteValue(HttpContext http, string name)
        => http.Request.RouteValues.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}
