using System.Text.Encodings.Web;

namespace Serverless.Tools.Errors;

/// <summary>
/// Removes every credential value the gateway knows from text it is about to emit: the values in
/// <see cref="KnownSecrets"/> (server-held and managed keys, issued tokens) and the current caller's own
/// credentials. One instance per process; the caller of the current request flows with the async context.
/// </summary>
public sealed class CredentialScrubber(KnownSecrets secrets)
{
    public const string Redacted = "[redacted]";

    private static readonly AsyncLocal<CallerCredentials?> CurrentCaller = new();

    /// <summary>Makes <paramref name="caller"/>'s credentials part of every scrub in the current async flow (one request).</summary>
    public static void UseCaller(CallerCredentials caller) => CurrentCaller.Value = caller;

    /// <summary>True when <paramref name="text"/> contains a known credential (raw or JSON-escaped).</summary>
    public bool Finds(string? text, CallerCredentials? caller = null) =>
        !string.IsNullOrEmpty(text) && Forms(caller).Any(f => text.Contains(f, StringComparison.Ordinal));

    /// <summary>The text with every known credential (raw or as it appears inside a JSON string) replaced.</summary>
    public string Scrub(string text, CallerCredentials? caller = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Longest first, so a key that contains another known value is removed whole.
        foreach (var form in Forms(caller).Where(f => text.Contains(f, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length).ToList())
        {
            text = text.Replace(form, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    // Encoded forms are computed once per value: every log line is checked against all of them.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _forms = new(StringComparer.Ordinal);

    private IEnumerable<string> Forms(CallerCredentials? caller) =>
        Values(caller).SelectMany(v => _forms.Count < 2 * KnownSecrets.Capacity ? _forms.GetOrAdd(v, Encode) : Encode(v));

    private static string[] Encode(string value) =>
        new[] { value, JsonEncodedText.Encode(value).ToString(), JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() }
            .Distinct(StringComparer.Ordinal).ToArray();

    private IEnumerable<string> Values(CallerCredentials? caller)
    {
        foreach (var value in secrets.Values)
        {
            yield return value;
        }

        foreach (var credentials in new[] { caller, CurrentCaller.Value }.Distinct())
        {
            if (credentials is null)
            {
                continue;
            }

            foreach (var value in new[] { credentials.PilotStatusApiKey, credentials.ChiliPiperToken })
            {
                if (value is { Length: >= KnownSecrets.MinimumLength })
                {
                    yield return value;
                }
            }
        }
    }
}
