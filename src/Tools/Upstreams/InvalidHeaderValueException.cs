using System.Net.Http.Headers;

namespace Serverless.Tools.Upstreams;

/// <summary>A header value HTTP cannot carry (non-ASCII, control characters); found before anything is sent.</summary>
internal sealed class InvalidHeaderValueException(string header) : Exception($"The {header} header value is not valid HTTP.")
{
    public string Header { get; } = header;

    /// <summary>Throws for the first header whose value has a character outside visible ASCII, space and tab.</summary>
    public static void ThrowIfAny(HttpHeaders headers)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            foreach (var value in values)
            {
                if (value.Any(c => c is not ('\t' or (>= ' ' and <= '~'))))
                {
                    throw new InvalidHeaderValueException(name);
                }
            }
        }
    }
}
