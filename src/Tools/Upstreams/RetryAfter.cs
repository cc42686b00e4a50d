using System.Net.Http.Headers;

namespace Serverless.Tools.Upstreams;

internal static class RetryAfter
{
    public static TimeSpan? Read(HttpResponseHeaders headers, TimeProvider time)
    {
        if (headers.RetryAfter is not { } value)
        {
            return null;
        }

        if (value.Delta is { } delta)
        {
            return delta;
        }

        if (value.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
