using System.Net;
using System.Net.Http.Headers;

namespace Serverless.Tools.Tests.Hardening;

/// <summary>Answers a misbehaving upstream gives: bodies that break, hang or never end, produced lazily.</summary>
public static class FaultContent
{
    /// <summary>A 200 JSON body of <paramref name="bytes"/> bytes that is generated as it is read, never held whole.</summary>
    public static HttpResponseMessage Endless(long bytes, bool declareLength) =>
        Respond(new GeneratedStream(bytes, failAfter: null, hang: false), declareLength ? bytes : null);

    /// <summary>Sends part of a body, then the connection breaks.</summary>
    public static HttpResponseMessage BrokenMidBody() => Respond(new GeneratedStream(100_000, failAfter: 4_000, hang: false), null);

    /// <summary>Headers arrive, the body never does.</summary>
    public static HttpResponseMessage Hanging() => Respond(new GeneratedStream(100, failAfter: null, hang: true), null);

    private static HttpResponseMessage Respond(Stream body, long? length)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = length;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private sealed class GeneratedStream(long length, long? failAfter, bool hang) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (hang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (failAfter is { } limit && _position >= limit)
            {
                throw new IOException("connection reset by peer");
            }

            var count = (int)Math.Min(buffer.Length, length - _position);
            if (count <= 0)
            {
                return 0;
            }

            // A JSON array of digits: '[' then "1," repeated; its end is never valid, which does not matter past the cap.
            var span = buffer.Span[..count];
            for (var i = 0; i < count; i++)
            {
                var at = _position + i;
                span[i] = at == 0 ? (byte)'[' : (at % 2 == 1 ? (byte)'1' : (byte)',');
            }

            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
