namespace Serverless.Tools.Upstreams;

/// <summary>
/// Reads an upstream answer into memory under a byte cap, so whatever an upstream sends, one call holds at
/// most the cap (a tool result carries the body twice, as text and as structured content).
/// </summary>
internal static class ResponseSizeLimit
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>
    /// Replaces the response's content with an in-memory copy of at most <paramref name="maxBytes"/> bytes.
    /// Throws <see cref="ResponseTooLargeException"/> past the cap and <see cref="HttpRequestException"/> when the
    /// connection breaks mid-body, so a cut answer is treated like any other transport failure.
    /// </summary>
    public static async Task BufferAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw new ResponseTooLargeException(maxBytes, (int)response.StatusCode);
        }

        using var buffer = new MemoryStream();
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var chunk = new byte[ChunkSize];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new ResponseTooLargeException(maxBytes, (int)response.StatusCode);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException e)
        {
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection ended before the whole answer arrived.", e);
        }

        var copy = new ByteArrayContent(buffer.ToArray());
        foreach (var header in content.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        content.Dispose();
        response.Content = copy;
    }
}

/// <summary>The upstream's answer was longer than the configured cap; nothing of it is passed on.</summary>
internal sealed class ResponseTooLargeException(long maxBytes, int status) : Exception($"The answer exceeds {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;

    public int Status { get; } = status;
}
