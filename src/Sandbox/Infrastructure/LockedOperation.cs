namespace Serverless.Sandbox.Infrastructure;

/// <summary>
/// How every sandbox endpoint runs: the caller is authorised and the handler runs under the state lock, and
/// a request body is read before taking it, so nothing is ever awaited while the lock is held. The body
/// variant authorises twice so a credential changed while the body was being read cannot slip through.
/// </summary>
internal static class LockedOperation
{
    /// <param name="authorize">Returns a refusal, or the authorised call context.</param>
    public static RequestDelegate Create<TCall>(Lock sync, Func<HttpContext, (IResult? Refusal, TCall? Call)> authorize, Func<TCall, IResult> handle)
        where TCall : class
        => async http =>
        {
            IResult result;
            lock (sync)
            {
                var (refusal, call) = authorize(http);
                result = refusal ?? handle(call!);
            }

            await result.ExecuteAsync(http).ConfigureAwait(false);
        };

    public static RequestDelegate Create<TCall>(Lock sync, Func<HttpContext, (IResult? Refusal, TCall? Call)> authorize, Func<TCall, JsonBody, IResult> handle)
        where TCall : class
        => async http =>
        {
            IResult? result;
            lock (sync)
            {
                result = authorize(http).Refusal;
            }

            if (result is null)
            {
                var body = await SandboxHttp.ReadJsonBodyAsync(http.Request).ConfigureAwait(false);
                lock (sync)
                {
                    var (refusal, call) = authorize(http);
                    result = refusal ?? handle(call!, body);
                }
            }

            await result.ExecuteAsync(http).ConfigureAwait(false);
        };
}
