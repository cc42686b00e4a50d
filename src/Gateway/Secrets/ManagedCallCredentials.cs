using Serverless.Gateway.Grants;
using Serverless.Tools.Catalog;
using Serverless.Tools.Errors;
using Serverless.Tools.Upstreams;

namespace Serverless.Gateway.Secrets;

/// <summary>The deployment's key for one call whose target the grant check already decided.</summary>
public sealed class ManagedCallCredentials(CallTarget target, ManagedSecrets secrets, NumberKeyDirectory numbers) : IManagedCredentials
{
    public async ValueTask<UpstreamCredential> GetAsync(Upstream upstream, bool refresh, CancellationToken cancellationToken)
    {
        if (upstream != target.Upstream)
        {
            // A tool only ever talks to its own upstream; anything else would be a key the grant check never saw.
            throw new MissingCredentialException(upstream, $"This call was authorised for {target.Upstream.DisplayName()} only.");
        }

        return upstream switch
        {
            Upstream.ChiliPiper => new UpstreamCredential(
                await secrets.GetAsync(SecretNames.ChiliPiperApiKey, refresh, cancellationToken).ConfigureAwait(false)),
            _ when target is { UseNumberKey: true, NumberId: { } number } => new UpstreamCredential(
                await numbers.GetAsync(number, refresh, cancellationToken).ConfigureAwait(false)),
            _ => new UpstreamCredential(
                await secrets.GetAsync(SecretNames.PilotStatusTenantKey, refresh, cancellationToken).ConfigureAwait(false),
                target.NumberId),
        };
    }
}
