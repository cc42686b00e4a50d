namespace Serverless.Tools.Upstreams;

/// <summary>
/// The endpoints of one API area, as a thin typed client over its upstream's <see cref="UpstreamClient"/>, which
/// owns credentials, retries and error reading. Tool classes take the area client they call.
/// </summary>
public abstract class UpstreamArea(UpstreamClient upstream)
{
    protected Task<UpstreamResponse> SendAsync(UpstreamCall call, CancellationToken cancellationToken) => upstream.SendAsync(call, cancellationToken);
}
